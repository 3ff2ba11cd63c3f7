package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.TouchPointFixtures.idLeadingWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.model.loyalty.ProgrammeRuleKind;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.LedgerKindSums;
import dev.crmkit.spi.loyalty.LedgerReportStore;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.MembershipRecord;
import dev.crmkit.spi.loyalty.PointsBreakage;
import dev.crmkit.spi.loyalty.PointsLiability;
import dev.crmkit.spi.loyalty.ProgrammeRecord;
import dev.crmkit.spi.loyalty.ProgrammeRuleRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link LedgerReportStore}: statements, liability and breakage summed by the storage. */
public abstract class LedgerReportContract extends ContractSupport {
    private static final Instant FROM = NOW.plus(Duration.ofDays(10));
    private static final Instant TO = NOW.plus(Duration.ofDays(20));

    private int keys;

    private LedgerReportStore reports() {
        return capability(LoyaltyStorage.class).ledgerReports();
    }

    private MembershipRecord member(String tenantId, String programme) {
        return capability(LoyaltyStorage.class).memberships().insert(new MembershipRecord(tenantId,
                UUID.randomUUID(), 1, NOW, NOW, programme, UUID.randomUUID(), "9" + (100_000 + keys++),
                MembershipStatus.ACTIVE, 0, 0));
    }

    private LedgerEntryRecord post(String tenantId, UUID id, UUID membershipId, LedgerEntryKind kind, long qualifying,
            long redeemable, Instant at) {
        return capability(LoyaltyStorage.class).ledger().append(new LedgerEntryRecord(tenantId, id, membershipId, kind,
                qualifying, redeemable, "test", null, "key-" + keys++, at));
    }

    private LedgerEntryRecord post(MembershipRecord m, LedgerEntryKind kind, long qualifying, long redeemable,
            Instant at) {
        return post(m.tenantId(), UUID.randomUUID(), m.id(), kind, qualifying, redeemable, at);
    }

    private void programme(String tenantId, String code, String currency, String pointValue) {
        List<ProgrammeRuleRecord> rules = new ArrayList<>();
        rules.add(new ProgrammeRuleRecord(ProgrammeRuleKind.CATEGORY, "apparel", new BigDecimal("2"), 0, 0, null,
                null, null));
        if (pointValue != null) {
            rules.add(new ProgrammeRuleRecord(ProgrammeRuleKind.POINT_VALUE, currency, new BigDecimal(pointValue), 0,
                    0, null, null, null));
        }
        capability(LoyaltyStorage.class).programmes().insert(new ProgrammeRecord(tenantId, UUID.randomUUID(), 1, NOW,
                NOW, code, currency, BigDecimal.ONE, BigDecimal.ONE, 0, rules));
    }

    @Test
    void a_statement_sums_each_kind_before_the_period_and_in_it_and_leaves_out_what_came_after() {
        MembershipRecord jana = member(TENANT, "club");
        post(jana, LedgerEntryKind.ACCRUAL, 100, 100, NOW);
        post(jana, LedgerEntryKind.PENDING, 30, 30, FROM.minusNanos(1000));
        post(jana, LedgerEntryKind.ACCRUAL, 40, 40, FROM);                      // the first instant of the period
        post(jana, LedgerEntryKind.ACCRUAL, 5, 6, FROM.plusSeconds(60));
        post(jana, LedgerEntryKind.REDEMPTION, 0, -70, FROM.plusSeconds(120));
        post(jana, LedgerEntryKind.PENDING, -30, -30, FROM.plusSeconds(180));
        post(jana, LedgerEntryKind.CLAWBACK, 3, 3, TO.minusNanos(1000));
        post(jana, LedgerEntryKind.ACCRUAL, 999, 999, TO);                      // after the period
        MembershipRecord piotr = member(TENANT, "club");
        post(piotr, LedgerEntryKind.ACCRUAL, 7, 7, FROM);
        post(OTHER_TENANT, UUID.randomUUID(), jana.id(), LedgerEntryKind.ACCRUAL, 8, 8, FROM);

        List<LedgerKindSums> statement = reports().statement(TENANT, jana.id(), FROM, TO);

        assertThat(statement).containsExactly(
                new LedgerKindSums(LedgerEntryKind.ACCRUAL, new LedgerSums(100, 100, 1), new LedgerSums(45, 46, 2)),
                new LedgerKindSums(LedgerEntryKind.REDEMPTION, new LedgerSums(0, 0, 0), new LedgerSums(0, -70, 1)),
                new LedgerKindSums(LedgerEntryKind.PENDING, new LedgerSums(30, 30, 1), new LedgerSums(-30, -30, 1)),
                new LedgerKindSums(LedgerEntryKind.CLAWBACK, new LedgerSums(0, 0, 0), new LedgerSums(3, 3, 1)));
        assertThat(reports().statement(TENANT, jana.id(), NOW.minusSeconds(60), NOW)).isEmpty();
        assertThat(reports().statement(OTHER_TENANT, piotr.id(), FROM, TO)).isEmpty();
        assertThat(reports().statement(TENANT, UUID.randomUUID(), FROM, TO)).isEmpty();
    }

    @Test
    void a_period_must_end_after_it_starts() {
        UUID anyone = UUID.randomUUID();

        assertThatThrownBy(() -> reports().statement(TENANT, anyone, TO, TO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> reports().entries(TENANT, anyone, TO, FROM, PageRequest.first(5)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> reports().breakage(TENANT, TO, FROM))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void a_statements_entries_are_the_periods_oldest_first_by_unsigned_id_in_pages_neither_skipping_nor_repeating() {
        MembershipRecord jana = member(TENANT, "club");
        LedgerEntryRecord high = post(TENANT, idLeadingWith(0xE), jana.id(), LedgerEntryKind.ACCRUAL, 1, 1, FROM);
        LedgerEntryRecord low = post(TENANT, idLeadingWith(0x1), jana.id(), LedgerEntryKind.ACCRUAL, 1, 1,
                TO.minusNanos(1000));
        List<LedgerEntryRecord> all = new ArrayList<>(List.of(low, high));
        for (int i = 0; i < 5; i++) {
            all.add(post(TENANT, idLeadingWith(0x7), jana.id(), LedgerEntryKind.ADJUSTMENT, 0, 2,
                    FROM.plusSeconds(i)));
        }
        post(TENANT, idLeadingWith(0x2), jana.id(), LedgerEntryKind.ACCRUAL, 1, 1, FROM.minusNanos(1000));
        post(TENANT, idLeadingWith(0x3), jana.id(), LedgerEntryKind.ACCRUAL, 1, 1, TO);
        post(member(TENANT, "club"), LedgerEntryKind.ACCRUAL, 1, 1, FROM);

        List<LedgerEntryRecord> read = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        while (true) {
            Page<LedgerEntryRecord> page = reports().entries(TENANT, jana.id(), FROM, TO, request);
            read.addAll(page.items());
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }

        assertThat(read).containsExactlyInAnyOrderElementsOf(all).doesNotHaveDuplicates();
        assertThat(read.get(0)).isEqualTo(low);
        assertThat(read.get(read.size() - 1)).isEqualTo(high);
        assertThat(reports().entries(OTHER_TENANT, jana.id(), FROM, TO, PageRequest.first(5)).items()).isEmpty();
    }

    @Test
    void liability_sums_each_programmes_outstanding_points_as_of_an_instant_and_values_them_at_its_point_value() {
        programme(TENANT, "club", "EUR", "0.0125");
        programme(TENANT, "plain", "USD", null);
        MembershipRecord jana = member(TENANT, "club");
        MembershipRecord piotr = member(TENANT, "club");
        MembershipRecord kim = member(TENANT, "plain");
        MembershipRecord lee = member(TENANT, "undefined");
        post(jana, LedgerEntryKind.ACCRUAL, 500, 501, NOW);
        post(jana, LedgerEntryKind.REDEMPTION, 0, -200, NOW.plusSeconds(1));
        post(jana, LedgerEntryKind.PENDING, 40, 40, NOW.plusSeconds(2));
        post(piotr, LedgerEntryKind.ACCRUAL, 10, 20, NOW.plusSeconds(3));
        post(piotr, LedgerEntryKind.REVERSAL, -10, -20, NOW.plusSeconds(4));
        post(piotr, LedgerEntryKind.CLAWBACK, 5, 5, NOW.plusSeconds(4));
        post(piotr, LedgerEntryKind.ACCRUAL, 1000, 1000, TO);                   // after the instant
        post(kim, LedgerEntryKind.ACCRUAL, 70, 70, NOW);
        post(lee, LedgerEntryKind.ADJUSTMENT, 0, 9, NOW);
        member(TENANT, "empty");
        MembershipRecord elsewhere = member(OTHER_TENANT, "club");
        post(elsewhere, LedgerEntryKind.ACCRUAL, 1, 1, NOW);

        assertThat(reports().liability(TENANT, TO)).containsExactly(
                new PointsLiability("club", "EUR", new BigDecimal("0.0125"), 2, 301, 40, 5,
                        new BigDecimal("3.7625")),
                new PointsLiability("plain", "USD", null, 1, 70, 0, 0, null),
                new PointsLiability("undefined", null, null, 1, 9, 0, 0, null));
        assertThat(reports().liability(TENANT, TO.plusNanos(1000)).get(0).available()).isEqualTo(1301);
        assertThat(reports().liability(TENANT, NOW)).isEmpty();
        assertThat(reports().liability(OTHER_TENANT, TO)).extracting(PointsLiability::available).containsExactly(1L);
    }

    @Test
    void breakage_sums_points_issued_expired_and_redeemed_in_the_period_and_before_its_end() {
        MembershipRecord jana = member(TENANT, "club");
        MembershipRecord piotr = member(TENANT, "club");
        MembershipRecord kim = member(TENANT, "shop");
        post(jana, LedgerEntryKind.ACCRUAL, 300, 300, NOW);
        post(jana, LedgerEntryKind.REDEMPTION, 0, -100, NOW.plusSeconds(1));
        post(jana, LedgerEntryKind.EXPIRY, -50, -50, FROM);
        post(piotr, LedgerEntryKind.ACCRUAL, 200, 200, FROM.plusSeconds(1));
        post(piotr, LedgerEntryKind.REDEMPTION, 0, -20, FROM.plusSeconds(2));
        post(piotr, LedgerEntryKind.EXPIRY, 0, -30, TO.minusNanos(1000));
        post(piotr, LedgerEntryKind.PENDING, 60, 60, FROM.plusSeconds(3));
        post(piotr, LedgerEntryKind.ADJUSTMENT, 0, 5, FROM.plusSeconds(4));
        post(piotr, LedgerEntryKind.EXPIRY, 0, -100, TO);                       // after the period
        post(kim, LedgerEntryKind.ACCRUAL, 10, 10, FROM);
        post(member(OTHER_TENANT, "club"), LedgerEntryKind.EXPIRY, 0, -1, FROM);

        assertThat(reports().breakage(TENANT, FROM, TO)).containsExactly(
                new PointsBreakage("club", 200, 80, 20, 500, 80, 120, 305),
                new PointsBreakage("shop", 10, 0, 0, 10, 0, 0, 10));
        assertThat(reports().breakage(TENANT, NOW.minusSeconds(60), NOW)).isEmpty();
    }
}
