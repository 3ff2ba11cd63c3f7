package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.ExpiryKind;
import dev.crmkit.model.loyalty.ProgrammeRuleKind;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.ProgrammeExpiry;
import dev.crmkit.spi.loyalty.ProgrammeRecord;
import dev.crmkit.spi.loyalty.ProgrammeRuleRecord;
import dev.crmkit.spi.loyalty.ProgrammeStore;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link ProgrammeStore} and its records. */
public abstract class ProgrammeStoreContract extends ContractSupport {
    private ProgrammeStore programmes() {
        return capability(LoyaltyStorage.class).programmes();
    }

    /** One rule of every kind, with factors of several scales and a promotion both with and without a category. */
    private static List<ProgrammeRuleRecord> everyKindOfRule() {
        return List.of(
                new ProgrammeRuleRecord(ProgrammeRuleKind.CATEGORY, "apparel", new BigDecimal("2"), 0, 0, null, null,
                        null),
                new ProgrammeRuleRecord(ProgrammeRuleKind.CATEGORY, "gift-cards", BigDecimal.ZERO, 0, 0, null, null,
                        null),
                new ProgrammeRuleRecord(ProgrammeRuleKind.CHANNEL, "web", new BigDecimal("1.5"), 0, 0, null, null,
                        null),
                new ProgrammeRuleRecord(ProgrammeRuleKind.PROMOTION, "xmas", new BigDecimal("3.1234"), 0, 0, null,
                        NOW, NOW.plusSeconds(86_400)),
                new ProgrammeRuleRecord(ProgrammeRuleKind.PROMOTION, "shoe-week", new BigDecimal("2.5"), 0, 0,
                        "shoes", NOW.minusSeconds(3_600), NOW.plusSeconds(7 * 86_400)),
                new ProgrammeRuleRecord(ProgrammeRuleKind.TIER_BONUS, "gold", new BigDecimal("1.25"), 0, 0, null,
                        null, null),
                new ProgrammeRuleRecord(ProgrammeRuleKind.ACTIVITY, "review", null, 0, 50, null, null, null),
                new ProgrammeRuleRecord(ProgrammeRuleKind.ACTIVITY, "visit", null, 10, 5, null, null, null));
    }

    private static ProgrammeRecord programme(String tenantId, String code, List<ProgrammeRuleRecord> rules) {
        return new ProgrammeRecord(tenantId, UUID.randomUUID(), 1, NOW, NOW, code, "EUR", new BigDecimal("1"),
                new BigDecimal("0.5"), 30, rules);
    }

    @Test
    void a_programme_reads_back_equal_with_its_rules_in_order_by_id_and_code_in_its_tenant_only() {
        ProgrammeRecord stored = programmes().insert(programme(TENANT, "club", everyKindOfRule()));

        assertThat(programmes().get(TENANT, stored.id())).contains(stored);
        assertThat(programmes().findByCode(TENANT, "club")).contains(stored);
        assertThat(stored.rules()).isEqualTo(everyKindOfRule());
        assertThat(stored.rules().get(3).factor()).isEqualTo(new BigDecimal("3.1234"));
        assertThat(stored.rules().get(3).validUntil()).isEqualTo(NOW.plusSeconds(86_400));
        assertThat(programmes().get(OTHER_TENANT, stored.id())).isEmpty();
        assertThat(programmes().findByCode(OTHER_TENANT, "club")).isEmpty();
    }

    @Test
    void an_expiry_policy_reads_back_and_is_replaced_by_an_update_and_none_is_the_default() {
        ProgrammeRecord plain = programme(TENANT, "club", List.of());
        assertThat(plain.expiryKind()).isEqualTo(ExpiryKind.NONE);
        ProgrammeRecord fixed = programmes().insert(withExpiry(plain, ExpiryKind.FIXED, 24));

        assertThat(programmes().findByCode(TENANT, "club")).contains(fixed);
        assertThat(fixed.expiryKind()).isEqualTo(ExpiryKind.FIXED);
        assertThat(fixed.expiryMonths()).isEqualTo(24);

        ProgrammeRecord activity = programmes().update(withExpiry(fixed, ExpiryKind.ACTIVITY, 18), 1);
        assertThat(programmes().get(TENANT, fixed.id())).contains(activity);
        assertThat(activity.expiryKind()).isEqualTo(ExpiryKind.ACTIVITY);
        assertThat(activity.expiryMonths()).isEqualTo(18);
        ProgrammeRecord none = programmes().update(withExpiry(activity, ExpiryKind.NONE, 0), 2);
        assertThat(programmes().get(TENANT, fixed.id()).orElseThrow().expiryKind()).isEqualTo(ExpiryKind.NONE);
        assertThat(none.expiryMonths()).isZero();
    }

    @Test
    void find_expiry_reads_the_policy_findByCode_reads_by_exact_code_in_its_tenant_only() {
        ProgrammeRecord fixed = programmes().insert(withExpiry(programme(TENANT, "club", everyKindOfRule()),
                ExpiryKind.FIXED, 24));
        programmes().insert(programme(TENANT, "plain", List.of()));

        assertThat(programmes().findExpiry(TENANT, "club")).contains(new ProgrammeExpiry(ExpiryKind.FIXED, 24));
        assertThat(programmes().findExpiry(TENANT, "plain")).contains(new ProgrammeExpiry(ExpiryKind.NONE, 0));
        assertThat(programmes().findExpiry(TENANT, "CLUB")).isEmpty();
        assertThat(programmes().findExpiry(OTHER_TENANT, "club")).isEmpty();

        programmes().update(withExpiry(fixed, ExpiryKind.ACTIVITY, 18), 1);
        assertThat(programmes().findExpiry(TENANT, "club")).contains(new ProgrammeExpiry(ExpiryKind.ACTIVITY, 18));
        assertThat(programmes().findExpiry(TENANT, "club").map(e -> e.kind() + " " + e.months())).contains(
                programmes().findByCode(TENANT, "club").map(p -> p.expiryKind() + " " + p.expiryMonths())
                        .orElseThrow());
    }

    @Test
    void an_expiry_policy_needs_months_and_no_policy_none() {
        ProgrammeRecord plain = programme(TENANT, "club", List.of());
        assertThatThrownBy(() -> withExpiry(plain, ExpiryKind.FIXED, 0)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("expiryMonths"));
        assertThatThrownBy(() -> withExpiry(plain, ExpiryKind.ACTIVITY, ProgrammeRecord.MAX_EXPIRY_MONTHS + 1))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("expiryMonths"));
        assertThatThrownBy(() -> withExpiry(plain, ExpiryKind.NONE, 12)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("expiryMonths"));
        assertThatThrownBy(() -> withExpiry(plain, null, 12)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("expiryKind"));
        assertThat(withExpiry(plain, ExpiryKind.FIXED, ProgrammeRecord.MAX_EXPIRY_MONTHS).expiryMonths())
                .isEqualTo(ProgrammeRecord.MAX_EXPIRY_MONTHS);
    }

    private static ProgrammeRecord withExpiry(ProgrammeRecord p, ExpiryKind kind, int months) {
        return new ProgrammeRecord(p.tenantId(), p.id(), p.version(), p.createdAt(), p.updatedAt(), p.code(),
                p.currency(), p.qualifyingPerUnit(), p.redeemablePerUnit(), p.returnWindowDays(), p.rules(), kind,
                months);
    }

    @Test
    void codes_compare_exactly() {
        programmes().insert(programme(TENANT, "club", List.of()));

        assertThat(programmes().findByCode(TENANT, "Club")).isEmpty();
        assertThat(programmes().insert(programme(TENANT, "Club", List.of())).code()).isEqualTo("Club");
    }

    @Test
    void insert_stores_version_one_and_refuses_a_taken_id_or_code_naming_it() {
        ProgrammeRecord first = programme(TENANT, "club", everyKindOfRule());
        ProgrammeRecord atFive = new ProgrammeRecord(TENANT, first.id(), 5, NOW, NOW, "club", "EUR", BigDecimal.ONE,
                BigDecimal.ONE, 0, first.rules());
        assertThat(programmes().insert(atFive).version()).isEqualTo(1);

        ProgrammeRecord sameId = new ProgrammeRecord(TENANT, first.id(), 1, NOW, NOW, "shop", "EUR", BigDecimal.ONE,
                BigDecimal.ONE, 0, List.of());
        assertThatThrownBy(() -> programmes().insert(sameId))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThatThrownBy(() -> programmes().insert(programme(TENANT, "club", List.of())))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("code"));
        assertThat(programmes().findByCode(TENANT, "shop")).isEmpty();
        assertThat(programmes().findByCode(TENANT, "club").orElseThrow().rules()).hasSize(everyKindOfRule().size());
        assertThat(programmes().insert(programme(OTHER_TENANT, "club", List.of())).version()).isEqualTo(1);
    }

    @Test
    void update_replaces_rates_window_and_rules_whole_at_the_next_version_and_keeps_code_and_creation() {
        ProgrammeRecord stored = programmes().insert(programme(TENANT, "club", everyKindOfRule()));
        List<ProgrammeRuleRecord> fewer = List.of(
                new ProgrammeRuleRecord(ProgrammeRuleKind.ACTIVITY, "referral", null, 100, 100, null, null, null),
                new ProgrammeRuleRecord(ProgrammeRuleKind.CATEGORY, "apparel", new BigDecimal("3"), 0, 0, null, null,
                        null));
        ProgrammeRecord revised = new ProgrammeRecord(TENANT, stored.id(), 1, NOW.plusSeconds(99), NOW.plusSeconds(60),
                "tampered", "CHF", new BigDecimal("2"), new BigDecimal("2"), 14, fewer);

        ProgrammeRecord updated = programmes().update(revised, 1);

        assertThat(updated).isEqualTo(new ProgrammeRecord(TENANT, stored.id(), 2, NOW, NOW.plusSeconds(60), "club",
                "CHF", new BigDecimal("2"), new BigDecimal("2"), 14, fewer));
        assertThat(programmes().get(TENANT, stored.id())).contains(updated);
        assertThat(programmes().findByCode(TENANT, "tampered")).isEmpty();

        ProgrammeRecord none = programmes().update(new ProgrammeRecord(TENANT, stored.id(), 2, NOW, NOW, "club", "CHF",
                BigDecimal.ONE, BigDecimal.ONE, 0, List.of()), 2);
        assertThat(none.version()).isEqualTo(3);
        assertThat(programmes().findByCode(TENANT, "club").orElseThrow().rules()).isEmpty();
    }

    @Test
    void update_with_a_stale_version_or_of_a_missing_programme_changes_nothing() {
        ProgrammeRecord stored = programmes().insert(programme(TENANT, "club", everyKindOfRule()));
        ProgrammeRecord changed = new ProgrammeRecord(TENANT, stored.id(), 1, NOW, NOW.plusSeconds(60), "club", "EUR",
                BigDecimal.TEN, BigDecimal.TEN, 0, List.of());
        ProgrammeRecord once = programmes().update(changed, 1);

        assertThatThrownBy(() -> programmes().update(changed, 1)).isInstanceOf(ConflictException.class);
        assertThat(programmes().get(TENANT, stored.id())).contains(once);

        ProgrammeRecord missing = programme(TENANT, "nowhere", everyKindOfRule());
        assertThatThrownBy(() -> programmes().update(missing, 1)).isInstanceOf(NotFoundException.class);
        assertThat(programmes().get(TENANT, missing.id())).isEmpty();
        ProgrammeRecord elsewhere = new ProgrammeRecord(OTHER_TENANT, stored.id(), 2, NOW, NOW, "club", "EUR",
                BigDecimal.ONE, BigDecimal.ONE, 0, List.of());
        assertThatThrownBy(() -> programmes().update(elsewhere, 2)).isInstanceOf(NotFoundException.class);
        assertThat(programmes().get(TENANT, stored.id())).contains(once);
    }
}
