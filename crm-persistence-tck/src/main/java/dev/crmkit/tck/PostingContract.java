package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.loyalty.ExpiryKind;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.model.loyalty.TierBasis;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.MembershipRecord;
import dev.crmkit.spi.loyalty.PostingLookup;
import dev.crmkit.spi.loyalty.PostingTarget;
import dev.crmkit.spi.loyalty.ProgrammeExpiry;
import dev.crmkit.spi.loyalty.ProgrammeRecord;
import dev.crmkit.spi.loyalty.TierRecord;
import dev.crmkit.spi.loyalty.TierSchemeRecord;
import dev.crmkit.spi.loyalty.TierSchemeStamp;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link LoyaltyStorage#postingTarget}, {@link LoyaltyStorage#postingLookup} and
 * {@link LoyaltyStorage#post}.
 */
public abstract class PostingContract extends ContractSupport {
    private static final List<TierRecord> TWO = List.of(new TierRecord("silver", "Silver", 1_000, List.of()),
            new TierRecord("gold", "Gold", 5_000, List.of("free-shipping")));

    private LoyaltyStorage loyalty() {
        return capability(LoyaltyStorage.class);
    }

    private MembershipRecord enrolled(String tenantId, String programme, String number) {
        return loyalty().memberships().insert(new MembershipRecord(tenantId, UUID.randomUUID(), 1, NOW, NOW,
                programme, UUID.randomUUID(), number, MembershipStatus.ACTIVE, 0, 0));
    }

    private ProgrammeRecord defined(String tenantId, String code, ExpiryKind kind, int months) {
        return loyalty().programmes().insert(new ProgrammeRecord(tenantId, UUID.randomUUID(), 1, NOW, NOW, code,
                "EUR", BigDecimal.ONE, BigDecimal.ONE, 0, List.of(), kind, months));
    }

    private TierSchemeRecord tiered(String tenantId, String programme) {
        return loyalty().tierSchemes().insert(new TierSchemeRecord(tenantId, UUID.randomUUID(), 1, NOW, NOW,
                programme, TierBasis.QUALIFYING_POINTS, 12, TWO));
    }

    private static MembershipRecord earned(MembershipRecord m, long points) {
        return new MembershipRecord(m.tenantId(), m.id(), m.version(), m.createdAt(), NOW.plusSeconds(60),
                m.programme(), m.customerId(), m.memberNumber(), m.status(), m.qualifyingPoints() + points,
                m.redeemablePoints() + points);
    }

    private static MembershipRecord atVersion(MembershipRecord m, long version) {
        return new MembershipRecord(m.tenantId(), m.id(), version, m.createdAt(), m.updatedAt(), m.programme(),
                m.customerId(), m.memberNumber(), m.status(), m.qualifyingPoints(), m.redeemablePoints());
    }

    private static LedgerEntryRecord accrual(MembershipRecord m, long points, String key) {
        return new LedgerEntryRecord(m.tenantId(), UUID.randomUUID(), m.id(), LedgerEntryKind.ACCRUAL, points, points,
                "activity.visit", null, key, NOW.plusSeconds(60));
    }

    @Test
    void a_posting_target_is_the_membership_with_its_programmes_expiry_policy_and_tier_schemes_stamp() {
        MembershipRecord member = enrolled(TENANT, "club", "100042");
        defined(TENANT, "club", ExpiryKind.FIXED, 24);
        TierSchemeRecord scheme = tiered(TENANT, "club");
        TierSchemeRecord revised = loyalty().tierSchemes().update(new TierSchemeRecord(TENANT, scheme.id(), 1, NOW,
                NOW.plusSeconds(5), "club", TierBasis.ACCRUALS, 6, TWO), 1);

        assertThat(loyalty().postingTarget(TENANT, member.id())).contains(new PostingTarget(member,
                new ProgrammeExpiry(ExpiryKind.FIXED, 24), new TierSchemeStamp(scheme.id(), 2, NOW.plusSeconds(5))));
        assertThat(TierSchemeStamp.of(revised).matches(revised)).isTrue();
        assertThat(TierSchemeStamp.of(scheme).matches(revised)).isFalse();
    }

    @Test
    void a_posting_target_names_no_policy_without_a_programme_and_no_stamp_without_a_scheme_and_is_tenant_scoped() {
        MembershipRecord undefined = enrolled(TENANT, "club", "100042");
        MembershipRecord plain = enrolled(TENANT, "shop", "100043");
        defined(TENANT, "shop", ExpiryKind.NONE, 0);
        tiered(OTHER_TENANT, "club");
        defined(OTHER_TENANT, "club", ExpiryKind.ACTIVITY, 6);

        assertThat(loyalty().postingTarget(TENANT, undefined.id())).contains(new PostingTarget(undefined, null,
                null));
        assertThat(loyalty().postingTarget(TENANT, plain.id())).contains(new PostingTarget(plain,
                new ProgrammeExpiry(ExpiryKind.NONE, 0), null));
        assertThat(loyalty().postingTarget(OTHER_TENANT, undefined.id())).isEmpty();
        assertThat(loyalty().postingTarget(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void a_posting_lookup_gives_the_target_under_an_unused_key_and_the_stored_entry_under_a_used_one() {
        MembershipRecord member = enrolled(TENANT, "club", "100042");
        MembershipRecord other = enrolled(TENANT, "club", "100043");
        defined(TENANT, "club", ExpiryKind.FIXED, 24);
        LedgerEntryRecord first = accrual(member, 10, "visit-1");
        loyalty().post(earned(member, 10), 1, first);
        MembershipRecord stored = loyalty().memberships().get(TENANT, member.id()).orElseThrow();

        assertThat(loyalty().postingLookup(TENANT, member.id(), "visit-2")).isEqualTo(new PostingLookup(null,
                new PostingTarget(stored, new ProgrammeExpiry(ExpiryKind.FIXED, 24), null)));
        assertThat(loyalty().postingLookup(TENANT, member.id(), "visit-1").stored()).isEqualTo(first);
        // a key used by another membership, or with no such membership, is still the stored entry
        assertThat(loyalty().postingLookup(TENANT, other.id(), "visit-1").stored()).isEqualTo(first);
        assertThat(loyalty().postingLookup(TENANT, UUID.randomUUID(), "visit-1").stored()).isEqualTo(first);
        assertThat(loyalty().postingLookup(TENANT, UUID.randomUUID(), "visit-2")).isEqualTo(new PostingLookup(null,
                null));
        assertThat(loyalty().postingLookup(OTHER_TENANT, member.id(), "visit-1")).isEqualTo(new PostingLookup(null,
                null));
    }

    @Test
    void a_posting_appends_its_entry_and_stores_the_balances_at_the_next_version() {
        MembershipRecord member = enrolled(TENANT, "club", "100042");
        LedgerEntryRecord entry = accrual(member, 10, "visit-1");

        loyalty().post(earned(member, 10), 1, entry);

        assertThat(loyalty().memberships().get(TENANT, member.id())).contains(atVersion(earned(member, 10), 2));
        assertThat(loyalty().ledger().findByIdempotencyKey(TENANT, "visit-1")).contains(entry);
        assertThat(loyalty().ledger().sums(TENANT, member.id())).isEqualTo(new LedgerSums(10, 10, 1));
    }

    @Test
    void a_posting_at_a_stale_version_or_to_a_missing_membership_stores_nothing() {
        MembershipRecord member = enrolled(TENANT, "club", "100042");
        loyalty().post(earned(member, 10), 1, accrual(member, 10, "visit-1"));
        MembershipRecord stored = loyalty().memberships().get(TENANT, member.id()).orElseThrow();

        assertThatThrownBy(() -> loyalty().post(earned(member, 5), 1, accrual(member, 5, "visit-2")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isTrue());
        MembershipRecord missing = new MembershipRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, "club",
                UUID.randomUUID(), "100043", MembershipStatus.ACTIVE, 5, 5);
        assertThatThrownBy(() -> loyalty().post(missing, 1, accrual(missing, 5, "visit-3")))
                .isInstanceOf(NotFoundException.class);

        assertThat(loyalty().memberships().get(TENANT, member.id())).contains(stored);
        assertThat(loyalty().ledger().findByIdempotencyKey(TENANT, "visit-2")).isEmpty();
        assertThat(loyalty().ledger().findByIdempotencyKey(TENANT, "visit-3")).isEmpty();
    }

    @Test
    void a_posting_under_a_used_key_is_a_duplicate_and_appends_nothing() {
        MembershipRecord member = enrolled(TENANT, "club", "100042");
        LedgerEntryRecord first = accrual(member, 10, "visit-1");
        loyalty().post(earned(member, 10), 1, first);
        MembershipRecord stored = loyalty().memberships().get(TENANT, member.id()).orElseThrow();

        assertThatThrownBy(() -> loyalty().post(earned(stored, 7), 2, accrual(stored, 7, "visit-1")))
                .isInstanceOfSatisfying(DuplicateException.class,
                        e -> assertThat(e.key()).isEqualTo("idempotencyKey"));

        assertThat(loyalty().ledger().findByIdempotencyKey(TENANT, "visit-1")).contains(first);
        assertThat(loyalty().ledger().sums(TENANT, member.id())).isEqualTo(new LedgerSums(10, 10, 1));
    }

    @Test
    void a_posting_that_fails_in_a_unit_which_goes_on_never_commits_half_of_it() {
        MembershipRecord member = enrolled(TENANT, "club", "100042");
        loyalty().post(earned(member, 10), 1, accrual(member, 10, "visit-1"));
        MembershipRecord stored = loyalty().memberships().get(TENANT, member.id()).orElseThrow();
        MembershipRecord before = new MembershipRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, "club",
                UUID.randomUUID(), "100043", MembershipStatus.ACTIVE, 0, 0);
        MembershipRecord after = new MembershipRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, "club",
                UUID.randomUUID(), "100044", MembershipStatus.ACTIVE, 0, 0);

        // the update stores the balances, then the used key fails the entry; the work catches that and goes on
        Throwable outcome = catchThrowable(() -> storage().transactions().run(() -> {
            loyalty().memberships().insert(before);
            assertThatThrownBy(() -> loyalty().post(earned(stored, 7), 2, accrual(stored, 7, "visit-1")))
                    .isInstanceOf(DuplicateException.class);
            loyalty().memberships().insert(after);
        }));

        // either the unit went on and committed without the posting, or it ended and committed nothing; never the
        // balances raised without their entry
        assertThat(loyalty().memberships().get(TENANT, member.id())).contains(stored);
        assertThat(loyalty().ledger().sums(TENANT, member.id())).isEqualTo(new LedgerSums(10, 10, 1));
        if (outcome == null) {
            assertThat(loyalty().memberships().get(TENANT, before.id())).contains(before);
            assertThat(loyalty().memberships().get(TENANT, after.id())).contains(after);
        } else {
            assertThat(outcome).isInstanceOf(CrmException.class);
            assertThat(loyalty().memberships().get(TENANT, before.id())).isEmpty();
            assertThat(loyalty().memberships().get(TENANT, after.id())).isEmpty();
        }
    }

    @Test
    void a_stale_posting_in_a_unit_leaves_the_unit_usable() {
        MembershipRecord member = enrolled(TENANT, "club", "100042");
        loyalty().post(earned(member, 10), 1, accrual(member, 10, "visit-1"));
        MembershipRecord stored = loyalty().memberships().get(TENANT, member.id()).orElseThrow();

        // a stale version is found before anything is written: the work may read again and post at the new one
        storage().transactions().run(() -> {
            assertThatThrownBy(() -> loyalty().post(earned(member, 5), 1, accrual(member, 5, "visit-2")))
                    .isInstanceOf(ConflictException.class);
            loyalty().post(earned(stored, 5), 2, accrual(stored, 5, "visit-2"));
        });

        assertThat(loyalty().ledger().sums(TENANT, member.id())).isEqualTo(new LedgerSums(15, 15, 2));
        assertThat(loyalty().memberships().get(TENANT, member.id())).contains(atVersion(earned(stored, 5), 3));
    }
}
