package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.spi.forecast.ForecastStorage;
import dev.crmkit.spi.forecast.QuotaRecord;
import dev.crmkit.spi.forecast.QuotaStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link QuotaStore}: quotas per member, scope and period, replaced by compare-and-set on the version. */
public abstract class QuotaStoreContract extends ContractSupport {
    private static final Instant LATER = NOW.plus(Duration.ofHours(1));

    private final UUID ana = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private final UUID bo = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    private final UUID high = UUID.fromString("f0000000-0000-7000-8000-00000000000c");

    private QuotaStore quotas() {
        return capability(ForecastStorage.class).quotas();
    }

    private static QuotaRecord quota(String tenant, UUID member, QuotaScope scope, String period, String amount,
            String currency, Instant at) {
        return new QuotaRecord(tenant, UUID.randomUUID(), 1, at, at, member, scope, period, new BigDecimal(amount),
                currency);
    }

    @Test
    void a_first_quota_is_stored_at_version_1_and_read_back() {
        QuotaRecord stored = quotas().save(quota(TENANT, ana, QuotaScope.REP, "FY2026-Q1", "50000.5", "EUR", NOW), 0);

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.amount()).isEqualTo(new BigDecimal("50000.5000"));
        assertThat(quotas().get(TENANT, ana, QuotaScope.REP, "FY2026-Q1")).contains(stored);
        assertThat(quotas().get(TENANT, ana, QuotaScope.TEAM, "FY2026-Q1")).isEmpty();
        assertThat(quotas().get(TENANT, ana, QuotaScope.REP, "FY2026-Q2")).isEmpty();
        assertThat(quotas().get(OTHER_TENANT, ana, QuotaScope.REP, "FY2026-Q1")).isEmpty();
    }

    @Test
    void replacing_keeps_id_and_creation_and_moves_the_version_on() {
        QuotaRecord first = quotas().save(quota(TENANT, ana, QuotaScope.REP, "FY2026", "100", "EUR", NOW), 0);

        QuotaRecord second = quotas().save(quota(TENANT, ana, QuotaScope.REP, "FY2026", "120", "USD", LATER), 1);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.createdAt()).isEqualTo(NOW);
        assertThat(second.updatedAt()).isEqualTo(LATER);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.amount()).isEqualByComparingTo("120");
        assertThat(second.currency()).isEqualTo("USD");
        assertThat(quotas().get(TENANT, ana, QuotaScope.REP, "FY2026")).contains(second);
    }

    @Test
    void a_stale_or_racing_first_version_is_a_retryable_conflict_and_changes_nothing() {
        QuotaRecord first = quotas().save(quota(TENANT, ana, QuotaScope.REP, "FY2026-M01", "100", "EUR", NOW), 0);

        assertThatThrownBy(() -> quotas().save(quota(TENANT, ana, QuotaScope.REP, "FY2026-M01", "1", "EUR", LATER), 0))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> quotas().save(quota(TENANT, ana, QuotaScope.REP, "FY2026-M01", "2", "EUR", LATER), 2))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> quotas().save(quota(TENANT, bo, QuotaScope.REP, "FY2026-M01", "3", "EUR", LATER), 1))
                .as("none to replace").isInstanceOf(ConflictException.class);
        assertThat(quotas().get(TENANT, ana, QuotaScope.REP, "FY2026-M01")).contains(first);
        assertThat(quotas().get(TENANT, bo, QuotaScope.REP, "FY2026-M01")).isEmpty();
        assertThatThrownBy(() -> quotas().save(quota(TENANT, ana, QuotaScope.REP, "FY2026-M01", "4", "EUR", LATER), -1))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("expectedVersion"));
    }

    @Test
    void the_same_member_and_period_hold_a_rep_and_a_team_quota_and_tenants_are_apart() {
        quotas().save(quota(TENANT, ana, QuotaScope.REP, "FY2026-Q1", "100", "EUR", NOW), 0);
        quotas().save(quota(TENANT, ana, QuotaScope.TEAM, "FY2026-Q1", "300", "EUR", NOW), 0);
        quotas().save(quota(OTHER_TENANT, ana, QuotaScope.REP, "FY2026-Q1", "7", "EUR", NOW), 0);

        assertThat(quotas().get(TENANT, ana, QuotaScope.TEAM, "FY2026-Q1").orElseThrow().amount())
                .isEqualByComparingTo("300");
        assertThat(quotas().get(OTHER_TENANT, ana, QuotaScope.REP, "FY2026-Q1").orElseThrow().amount())
                .isEqualByComparingTo("7");
    }

    @Test
    void a_period_lists_its_quotas_by_member_then_scope() {
        quotas().save(quota(TENANT, high, QuotaScope.REP, "FY2026-Q1", "1", "EUR", NOW), 0);
        quotas().save(quota(TENANT, ana, QuotaScope.TEAM, "FY2026-Q1", "2", "EUR", NOW), 0);
        quotas().save(quota(TENANT, bo, QuotaScope.REP, "FY2026-Q1", "3", "EUR", NOW), 0);
        quotas().save(quota(TENANT, ana, QuotaScope.REP, "FY2026-Q1", "4", "EUR", NOW), 0);
        quotas().save(quota(TENANT, ana, QuotaScope.REP, "FY2026-Q2", "5", "EUR", NOW), 0);
        quotas().save(quota(OTHER_TENANT, ana, QuotaScope.REP, "FY2026-Q1", "6", "EUR", NOW), 0);

        assertThat(quotas().forPeriod(TENANT, "FY2026-Q1"))
                .extracting(q -> q.amount().stripTrailingZeros().toPlainString())
                .containsExactly("4", "2", "3", "1");
        assertThat(quotas().forPeriod(TENANT, "FY2027-Q1")).isEmpty();
    }

    @Test
    void a_record_checks_its_period_amount_and_currency() {
        assertThatThrownBy(() -> quota(TENANT, ana, QuotaScope.REP, "2026-Q1", "1", "EUR", NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("period"));
        assertThatThrownBy(() -> quota(TENANT, ana, QuotaScope.REP, "FY2026-M13", "1", "EUR", NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("period"));
        assertThatThrownBy(() -> quota(TENANT, ana, QuotaScope.REP, "FY2026", "-1", "EUR", NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> quota(TENANT, ana, QuotaScope.REP, "FY2026", "1", "eur", NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
    }
}
