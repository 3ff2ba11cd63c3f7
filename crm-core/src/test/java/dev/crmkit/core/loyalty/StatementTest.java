package dev.crmkit.core.loyalty;

import static dev.crmkit.core.loyalty.LoyaltyFixtures.START;
import static dev.crmkit.core.loyalty.LoyaltyFixtures.TENANT;
import static dev.crmkit.core.loyalty.LoyaltyFixtures.webOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A member's statement for a period, the programme's liability at its point value and its breakage, each summed by
 * the storage from the ledger. {@link LoyaltyFixtures#webOrder} earns 71 points, pending for the 30-day return window.
 */
class StatementTest {
    private static final Instant FROM = START.plus(Duration.ofDays(1));
    private static final Instant TO = START.plus(Duration.ofDays(10));
    private static final Instant AFTER_WINDOW = START.plus(Duration.ofDays(31));

    private final LoyaltyFixtures fixtures = new LoyaltyFixtures();
    private final LoyaltyService loyalty = fixtures.loyalty();
    private final LoyaltyReportService reports = fixtures.crm.tenant(TENANT).service(LoyaltyReportService.class);
    private final UUID customer = fixtures.customer();

    StatementTest() {
        loyalty.defineProgramme(DefineProgramme.of("club", ProgrammeRules.earning("EUR", "1")
                .withReturnWindowDays(30).withActivity("review", ActivityAward.of(200)).withPointValue("0.01")));
    }

    private void at(Instant instant) {
        fixtures.clock.advance(Duration.between(fixtures.clock.instant(), instant));
    }

    /** A member who earned 200 at the start, and in the period bought (71 pending), had a coffee and a correction. */
    private Membership memberWithAPeriod() {
        Membership member = loyalty.enrol(EnrolMember.of(customer, "club"));
        loyalty.award(AwardActivity.of(member.id(), "review", "r-1", "review-1"));
        at(FROM);
        fixtures.purchases().record(webOrder(customer, "ORD-1"));
        at(FROM.plusSeconds(3600));
        loyalty.redeem(RedeemReward.of(member.id(), "coffee", "checkout-1"));
        at(FROM.plusSeconds(7200));
        loyalty.post(PostPoints.adjustment(member.id(), 0, -20, "service.correction", "ticket-1"));
        at(AFTER_WINDOW);
        fixtures.crm.scheduler().runDueWork();                                    // posts the 71, after the period
        return member;
    }

    @Test
    void a_statement_shows_the_opening_balances_what_each_kind_added_in_the_period_and_the_closing_balances() {
        Membership member = memberWithAPeriod();

        PointsStatement statement = reports.statement(member.id(), FROM, TO);

        assertThat(statement.opening()).isEqualTo(new PointsBalances(member.id(), 200, 200, 0, 0, 0, 0));
        assertThat(statement.lines()).containsExactly(
                new StatementLine(LedgerEntryKind.REDEMPTION, 0, -150, 1),
                new StatementLine(LedgerEntryKind.ADJUSTMENT, 0, -20, 1),
                new StatementLine(LedgerEntryKind.PENDING, 71, 71, 1));
        assertThat(statement.closing()).as("the pending points apart, the 71 posted after the period left out")
                .isEqualTo(new PointsBalances(member.id(), 200, 30, 71, 71, 0, 0));
        assertThat(statement.from()).isEqualTo(FROM);
        assertThat(statement.to()).isEqualTo(TO);
    }

    @Test
    void a_statement_up_to_now_closes_at_the_balances_the_member_has() {
        Membership member = memberWithAPeriod();

        PointsStatement statement = reports.statement(member.id(), START.minusSeconds(1), AFTER_WINDOW.plusSeconds(1));

        assertThat(statement.opening()).isEqualTo(new PointsBalances(member.id(), 0, 0, 0, 0, 0, 0));
        assertThat(statement.closing()).isEqualTo(loyalty.balances(member.id()))
                .isEqualTo(new PointsBalances(member.id(), 271, 101, 0, 0, 0, 0));
        assertThat(statement.lines()).containsExactly(
                new StatementLine(LedgerEntryKind.ACCRUAL, 271, 271, 2),
                new StatementLine(LedgerEntryKind.REDEMPTION, 0, -150, 1),
                new StatementLine(LedgerEntryKind.ADJUSTMENT, 0, -20, 1),
                new StatementLine(LedgerEntryKind.PENDING, 0, 0, 2));
    }

    @Test
    void a_statements_entries_are_read_oldest_first_page_by_page() {
        Membership member = memberWithAPeriod();

        List<LedgerEntry> read = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (true) {
            Page<LedgerEntry> page = reports.statementEntries(member.id(), FROM, TO, request);
            read.addAll(page.items());
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }

        assertThat(read).extracting(LedgerEntry::kind).containsExactly(LedgerEntryKind.PENDING,
                LedgerEntryKind.REDEMPTION, LedgerEntryKind.ADJUSTMENT);
        assertThat(read).extracting(LedgerEntry::idempotencyKey).doesNotHaveDuplicates();
    }

    @Test
    void an_unknown_membership_or_a_period_that_does_not_end_after_it_starts_is_refused() {
        Membership member = memberWithAPeriod();

        assertThatThrownBy(() -> reports.statement(UUID.randomUUID(), FROM, TO))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.statementEntries(UUID.randomUUID(), FROM, TO, PageRequest.first(5)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.statement(member.id(), TO, TO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> reports.breakage(TO, FROM))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> reports.liability(null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("asOf"));
    }

    @Test
    void the_liability_is_the_outstanding_points_times_the_point_value_with_pending_points_apart() {
        Membership jana = memberWithAPeriod();
        Membership piotr = loyalty.enrol(EnrolMember.of(fixtures.customer(), "club"));
        loyalty.award(AwardActivity.of(piotr.id(), "review", "r-2", "review-2"));

        List<Liability> now = reports.liability(AFTER_WINDOW.plusSeconds(1));
        List<Liability> inThePeriod = reports.liability(TO);

        assertThat(now).containsExactly(new Liability("club", AFTER_WINDOW.plusSeconds(1), 2, 301, 0, 0, "EUR",
                new BigDecimal("0.0100"), new BigDecimal("3.0100")));
        assertThat(inThePeriod).containsExactly(new Liability("club", TO, 1, 30, 71, 0, "EUR",
                new BigDecimal("0.0100"), new BigDecimal("0.3000")));
        assertThat(loyalty.balances(jana.id()).redeemableAvailable() + loyalty.balances(piotr.id())
                .redeemableAvailable()).isEqualTo(now.get(0).outstandingPoints());
    }

    @Test
    void a_revised_point_value_values_what_is_outstanding_from_then_on() {
        memberWithAPeriod();
        Programme club = loyalty.programme("club");

        Programme revised = loyalty.reviseProgramme(ReviseProgramme.of("club", club.version(),
                club.rules().withPointValue("0.0125")));

        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.rules().pointValue()).isEqualByComparingTo("0.0125");
        assertThat(reports.liability(AFTER_WINDOW.plusSeconds(1))).singleElement()
                .extracting(Liability::value).isEqualTo(new BigDecimal("1.2625"));
    }

    @Test
    void a_programme_without_a_point_value_reports_its_points_without_a_value() {
        loyalty.defineProgramme(DefineProgramme.of("shop", ProgrammeRules.earning("USD", "1")));
        Membership shopper = loyalty.enrol(EnrolMember.of(customer, "shop"));
        loyalty.post(PostPoints.accrual(shopper.id(), 40, "activity.visit", null, "visit-1"));

        assertThat(reports.liability(START.plusSeconds(1))).singleElement().satisfies(l -> {
            assertThat(l.outstandingPoints()).isEqualTo(40);
            assertThat(l.currency()).isEqualTo("USD");
            assertThat(l.pointValue()).isNull();
            assertThat(l.value()).isNull();
        });
    }

    @Test
    void a_point_value_must_be_above_zero_at_most_a_hundred_with_at_most_four_places() {
        ProgrammeRules rules = ProgrammeRules.earning("EUR", "1");

        for (String bad : List.of("0", "-0.01", "100.0001", "0.00001", "ten")) {
            assertThatThrownBy(() -> rules.withPointValue(bad)).as(bad)
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("pointValue"));
        }
        assertThat(rules.withPointValue("100").pointValue()).isEqualByComparingTo("100");
        assertThat(rules.withPointValue("0.0001").withChannel("web", "2").withCategory("shoes", "2")
                .withTierBonus("gold", "2").withReturnWindowDays(3).withPromotion(Promotion.of("p", "2", START,
                        TO)).withActivity("visit", ActivityAward.of(1)).withRates(BigDecimal.ONE, BigDecimal.TEN)
                .pointValue()).as("every other rule keeps the value").isEqualByComparingTo("0.0001");
    }

    @Test
    void breakage_is_what_expired_relative_to_what_was_issued_with_an_estimate_for_what_is_outstanding() {
        Membership member = memberWithAPeriod();
        // expiry is not built yet: its entries are appended as the expiry work will append them
        fixtures.storage.ledger().append(new LedgerEntryRecord(TENANT, UUID.randomUUID(), member.id(),
                LedgerEntryKind.EXPIRY, 0, -20, "expiry", null, "expiry-1", FROM.plusSeconds(9000)));

        List<Breakage> breakage = reports.breakage(FROM, TO);

        assertThat(breakage).containsExactly(new Breakage("club", FROM, TO, 0, 20, 150, 200, 20, 150, 10));
        Breakage later = reports.breakage(FROM, AFTER_WINDOW.plusSeconds(1)).get(0);
        assertThat(later.issued()).isEqualTo(71);
        assertThat(later.rate()).contains(new BigDecimal("0.2817"));
        assertThat(later.outstanding()).isEqualTo(81);
        assertThat(later.expectedToBreak()).as("81 outstanding x 20 / (20 + 150), 9.53").hasValue(10);
    }

    @Test
    void without_issued_points_there_is_no_rate_and_without_ended_points_no_estimate() {
        Breakage quiet = new Breakage("club", FROM, TO, 0, 0, 0, 100, 0, 0, 100);

        assertThat(quiet.rate()).isEmpty();
        assertThat(quiet.expectedToBreak()).isEmpty();
        assertThat(new Breakage("club", FROM, TO, 3, 1, 0, 3, 1, 2, 5).rate()).contains(new BigDecimal("0.3333"));
        assertThat(new Breakage("club", FROM, TO, 3, 1, 0, 3, 1, 2, 5).expectedToBreak()).hasValue(2);
        assertThat(new Breakage("club", FROM, TO, 3, 1, 0, 3, 1, 0, 5).expectedToBreak()).hasValue(5);
    }
}
