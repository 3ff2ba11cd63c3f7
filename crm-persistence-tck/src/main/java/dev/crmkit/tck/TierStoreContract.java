package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.TouchPointFixtures.idLeadingWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.model.loyalty.TierBasis;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.MemberTierRecord;
import dev.crmkit.spi.loyalty.MemberTierStore;
import dev.crmkit.spi.loyalty.MembershipRecord;
import dev.crmkit.spi.loyalty.TierChangeRecord;
import dev.crmkit.spi.loyalty.TierMeasure;
import dev.crmkit.spi.loyalty.TierRecord;
import dev.crmkit.spi.loyalty.TierSchemeRecord;
import dev.crmkit.spi.loyalty.TierSchemeStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link TierSchemeStore} and {@link MemberTierStore} and their records. */
public abstract class TierStoreContract extends ContractSupport {
    private static final List<TierRecord> THREE = List.of(
            new TierRecord("silver", "Silver", 1_000, List.of()),
            new TierRecord("gold", "Gold", 5_000, List.of("free-shipping", "priority-line")),
            new TierRecord("platinum", "Platinum", 20_000, List.of("lounge", "free-shipping", "birthday-gift")));

    private TierSchemeStore schemes() {
        return capability(LoyaltyStorage.class).tierSchemes();
    }

    private MemberTierStore tiers() {
        return capability(LoyaltyStorage.class).memberTiers();
    }

    private static TierSchemeRecord scheme(String tenantId, String programme, List<TierRecord> tiers) {
        return new TierSchemeRecord(tenantId, UUID.randomUUID(), 1, NOW, NOW, programme, TierBasis.QUALIFYING_POINTS,
                12, tiers);
    }

    private static MemberTierRecord gold(String tenantId, UUID membershipId) {
        return new MemberTierRecord(tenantId, membershipId, 1, NOW, NOW, "club", "gold", NOW, NOW.plusSeconds(3_600));
    }

    @Test
    void a_scheme_reads_back_equal_with_its_tiers_and_benefits_in_order_by_programme_in_its_tenant_only() {
        TierSchemeRecord stored = schemes().insert(scheme(TENANT, "club", THREE));

        assertThat(schemes().findByProgramme(TENANT, "club")).contains(stored);
        assertThat(stored.tiers()).isEqualTo(THREE);
        assertThat(schemes().findByProgramme(TENANT, "Club")).isEmpty();
        assertThat(schemes().findByProgramme(OTHER_TENANT, "club")).isEmpty();
    }

    @Test
    void insert_stores_version_one_and_refuses_a_taken_id_or_programme_naming_it() {
        TierSchemeRecord first = scheme(TENANT, "club", THREE);
        TierSchemeRecord atFive = new TierSchemeRecord(TENANT, first.id(), 5, NOW, NOW, "club", TierBasis.ACCRUALS,
                6, THREE);
        assertThat(schemes().insert(atFive).version()).isEqualTo(1);

        assertThatThrownBy(() -> schemes().insert(new TierSchemeRecord(TENANT, first.id(), 1, NOW, NOW, "shop",
                TierBasis.ACCRUALS, 6, THREE)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThatThrownBy(() -> schemes().insert(scheme(TENANT, "club", THREE.subList(0, 1))))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("programme"));
        assertThat(schemes().findByProgramme(TENANT, "shop")).isEmpty();
        assertThat(schemes().findByProgramme(TENANT, "club").orElseThrow().tiers()).isEqualTo(THREE);
        assertThat(schemes().insert(scheme(OTHER_TENANT, "club", THREE)).version()).isEqualTo(1);
    }

    @Test
    void update_replaces_basis_window_and_tiers_whole_at_the_next_version_and_keeps_programme_and_creation() {
        TierSchemeRecord stored = schemes().insert(scheme(TENANT, "club", THREE));
        List<TierRecord> two = List.of(new TierRecord("gold", "Gold", 10, List.of("lounge")),
                new TierRecord("black", "Black", 40, List.of()));

        TierSchemeRecord updated = schemes().update(new TierSchemeRecord(TENANT, stored.id(), 1, NOW.plusSeconds(99),
                NOW.plusSeconds(60), "tampered", TierBasis.ACCRUALS, 24, two), 1);

        assertThat(updated).isEqualTo(new TierSchemeRecord(TENANT, stored.id(), 2, NOW, NOW.plusSeconds(60), "club",
                TierBasis.ACCRUALS, 24, two));
        assertThat(schemes().findByProgramme(TENANT, "club")).contains(updated);
        assertThat(schemes().findByProgramme(TENANT, "tampered")).isEmpty();
    }

    @Test
    void a_scheme_update_with_a_stale_version_or_of_a_missing_scheme_changes_nothing() {
        TierSchemeRecord stored = schemes().insert(scheme(TENANT, "club", THREE));
        TierSchemeRecord once = schemes().update(scheme(TENANT, "club", THREE.subList(0, 2)).withId(stored.id()), 1);

        assertThatThrownBy(() -> schemes().update(scheme(TENANT, "club", THREE.subList(0, 1)).withId(stored.id()), 1))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(schemes().findByProgramme(TENANT, "club")).contains(once);
        assertThatThrownBy(() -> schemes().update(scheme(TENANT, "shop", THREE), 1))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> schemes().update(scheme(OTHER_TENANT, "club", THREE).withId(stored.id()), 2))
                .isInstanceOf(NotFoundException.class);
        assertThat(schemes().findByProgramme(TENANT, "club")).contains(once);
    }

    @Test
    void a_scheme_refuses_no_tiers_repeated_codes_thresholds_not_rising_and_a_window_out_of_range() {
        assertThatThrownBy(() -> scheme(TENANT, "club", List.of())).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("tiers"));
        assertThatThrownBy(() -> scheme(TENANT, "club", List.of(THREE.get(0), THREE.get(0).withThreshold(2_000))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("tiers[1].code"));
        assertThatThrownBy(() -> scheme(TENANT, "club", List.of(THREE.get(1), THREE.get(0))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("tiers[1].threshold"));
        assertThatThrownBy(() -> scheme(TENANT, "club", List.of(THREE.get(0), THREE.get(1).withThreshold(1_000))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("tiers[1].threshold"));
        for (int months : new int[] {0, 37}) {
            assertThatThrownBy(() -> new TierSchemeRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, "club",
                    TierBasis.ACCRUALS, months, THREE)).isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("windowMonths"));
        }
        assertThat(new TierSchemeRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, "club", TierBasis.ACCRUALS, 36,
                THREE).windowMonths()).isEqualTo(36);
    }

    @Test
    void a_member_tier_reads_back_equal_and_updates_by_compare_and_set_keeping_programme_and_creation() {
        UUID membershipId = UUID.randomUUID();
        MemberTierRecord stored = tiers().insert(gold(TENANT, membershipId));
        assertThat(tiers().get(TENANT, membershipId)).contains(stored);
        assertThat(tiers().get(OTHER_TENANT, membershipId)).isEmpty();

        MemberTierRecord none = tiers().update(new MemberTierRecord(TENANT, membershipId, 1, NOW.plusSeconds(9),
                NOW.plusSeconds(60), "tampered", null, null, null), 1);

        assertThat(none).isEqualTo(new MemberTierRecord(TENANT, membershipId, 2, NOW, NOW.plusSeconds(60), "club",
                null, null, null));
        assertThat(tiers().get(TENANT, membershipId)).contains(none);
        assertThatThrownBy(() -> tiers().update(gold(TENANT, membershipId), 1))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(tiers().get(TENANT, membershipId)).contains(none);
        assertThatThrownBy(() -> tiers().update(gold(OTHER_TENANT, membershipId), 2))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tiers().insert(gold(TENANT, membershipId)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(tiers().insert(gold(OTHER_TENANT, membershipId)).version()).isEqualTo(1);
        assertThat(tiers().get(TENANT, membershipId)).contains(none);
    }

    @Test
    void the_history_lists_a_members_changes_oldest_first_the_newest_up_to_the_limit() {
        UUID membershipId = UUID.randomUUID();
        TierChangeRecord first = new TierChangeRecord(TENANT, idLeadingWith(1), membershipId, null, "silver", 1_200,
                1, NOW);
        TierChangeRecord second = new TierChangeRecord(TENANT, idLeadingWith(2), membershipId, "silver", "gold",
                5_100, 1, NOW.plusSeconds(60));
        TierChangeRecord third = new TierChangeRecord(TENANT, idLeadingWith(3), membershipId, "gold", null, 0, 2,
                NOW.plusSeconds(120));
        tiers().append(third);
        tiers().append(first);
        tiers().append(second);
        tiers().append(new TierChangeRecord(TENANT, idLeadingWith(4), UUID.randomUUID(), null, "gold", 9, 1, NOW));
        tiers().append(new TierChangeRecord(OTHER_TENANT, idLeadingWith(5), membershipId, null, "gold", 9, 1, NOW));

        assertThat(tiers().history(TENANT, membershipId, 10)).containsExactly(first, second, third);
        assertThat(tiers().history(TENANT, membershipId, 2)).containsExactly(second, third);
        assertThat(tiers().history(TENANT, UUID.randomUUID(), 10)).isEmpty();
        assertThatThrownBy(() -> tiers().append(first))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(tiers().history(TENANT, membershipId, 10)).hasSize(3);
    }

    @Test
    void the_measure_sums_qualifying_points_and_counts_accruals_posted_after_the_moment_of_the_membership_only() {
        MembershipRecord jana = capability(LoyaltyStorage.class).memberships().insert(new MembershipRecord(TENANT,
                UUID.randomUUID(), 1, NOW, NOW, "club", UUID.randomUUID(), "100042", MembershipStatus.ACTIVE, 0, 0));
        Instant after = NOW.plusSeconds(3_600);
        post(jana.id(), LedgerEntryKind.ACCRUAL, 1_000, after, "at-the-moment");
        post(jana.id(), LedgerEntryKind.ACCRUAL, 300, after.plusNanos(1_000), "just-after");
        post(jana.id(), LedgerEntryKind.ACCRUAL, 0, after.plusSeconds(5), "award-of-redeemable-only");
        post(jana.id(), LedgerEntryKind.ADJUSTMENT, -50, after.plusSeconds(10), "correction");
        post(jana.id(), LedgerEntryKind.REDEMPTION, 0, after.plusSeconds(20), "coffee");
        post(UUID.randomUUID(), LedgerEntryKind.ACCRUAL, 7_000, after.plusSeconds(30), "someone-else");

        assertThat(tiers().measure(TENANT, jana.id(), after)).isEqualTo(new TierMeasure(250, 2));
        assertThat(tiers().measure(TENANT, jana.id(), after.minusNanos(1_000))).isEqualTo(new TierMeasure(1_250, 3));
        assertThat(tiers().measure(TENANT, jana.id(), after.plusSeconds(10))).isEqualTo(new TierMeasure(0, 0));
        assertThat(tiers().measure(TENANT, jana.id(), after.plusSeconds(9))).isEqualTo(new TierMeasure(-50, 0));
        assertThat(tiers().measure(OTHER_TENANT, jana.id(), NOW)).isEqualTo(new TierMeasure(0, 0));
    }

    private void post(UUID membershipId, LedgerEntryKind kind, long qualifying, Instant at, String key) {
        capability(LoyaltyStorage.class).ledger().append(new LedgerEntryRecord(TENANT, UUID.randomUUID(),
                membershipId, kind, qualifying, kind == LedgerEntryKind.REDEMPTION ? -10 : 10, "purchase", null,
                key + "-" + UUID.randomUUID(), at));
    }
}
