package dev.crmkit.core.loyalty;

import static dev.crmkit.core.loyalty.LoyaltyFixtures.START;
import static dev.crmkit.core.loyalty.LoyaltyFixtures.TENANT;
import static dev.crmkit.core.loyalty.LoyaltyFixtures.webOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Money;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.scheduling.DueWorkScheduler;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.AccrualStatus;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.loyalty.AccrualRecord;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A recorded purchase of a member earns points through the programme's rules, pending until the return window passes
 * and then posted by due work; a return takes back what its lines earned. {@link #webOrder} earns 59 points on its
 * shirts (two for 59.90) and 12 on its cap at one point per euro: 71.
 */
class PurchaseAccrualTest {
    private static final Duration WINDOW = Duration.ofDays(30);
    /** When the return window of {@link #webOrder} (bought an hour before {@code START}) has passed. */
    private static final Instant AFTER_WINDOW = START.plus(WINDOW);

    private final LoyaltyFixtures fixtures = new LoyaltyFixtures();
    private final LoyaltyService loyalty = fixtures.loyalty();
    private final PurchaseService purchases = fixtures.purchases();
    private final UUID customer = fixtures.customer();

    PurchaseAccrualTest() {
        loyalty.defineProgramme(DefineProgramme.of("club", ProgrammeRules.earning("EUR", "1")
                .withReturnWindowDays(30)));
    }

    private Membership enrol() {
        return loyalty.enrol(EnrolMember.of(customer, "club"));
    }

    private DueWorkScheduler.Run runDueWorkAt(Instant at) {
        fixtures.clock.advance(Duration.between(fixtures.clock.instant(), at));
        return fixtures.crm.scheduler().runDueWork();
    }

    private List<AccrualRecord> accruals(UUID purchaseId) {
        return fixtures.storage.accruals().forPurchase(TENANT, purchaseId);
    }

    private void assertLedgerAddsUp(UUID membershipId) {
        PointsBalances balances = loyalty.balances(membershipId);
        LedgerSums sums = fixtures.sums(membershipId);
        assertThat(sums.qualifyingPoints()).isEqualTo(balances.qualifyingAvailable());
        assertThat(sums.redeemablePoints()).isEqualTo(balances.redeemableAvailable());
        assertThat(loyalty.membership(membershipId).redeemablePoints()).isEqualTo(balances.redeemableAvailable());
        assertThat(List.of(balances.qualifyingAvailable(), balances.redeemableAvailable(),
                balances.qualifyingPending(), balances.redeemablePending(), balances.qualifyingOwed(),
                balances.redeemableOwed())).allMatch(b -> b >= 0);
    }

    @Test
    void pending_points_count_toward_no_tier_and_their_posting_upgrades_the_member_at_once() {
        TierService tiers = fixtures.crm.tenant(TENANT).service(TierService.class);
        tiers.defineTiers(DefineTiers.of("club", TierRules.onQualifyingPoints(12, Tier.of("silver", "Silver", 50))));
        Membership member = enrol();

        purchases.record(webOrder(customer, "ORD-1"));

        assertThat(tiers.memberTier(member.id()).tierCode()).as("71 points pending, none posted").isNull();
        assertThat(fixtures.outboxTypes()).doesNotContain("loyalty.tier.upgraded");

        runDueWorkAt(AFTER_WINDOW);

        assertThat(loyalty.balances(member.id()).qualifyingAvailable()).isEqualTo(71);
        assertThat(tiers.memberTier(member.id()).tierCode()).isEqualTo("silver");
        assertThat(fixtures.outboxTypes()).containsSubsequence("loyalty.membership.purchase-points-posted",
                "loyalty.tier.upgraded");
    }

    @Test
    void a_tier_counts_the_posted_points_once_not_the_pending_entries_that_preceded_them() {
        TierService tiers = fixtures.crm.tenant(TENANT).service(TierService.class);
        tiers.defineTiers(DefineTiers.of("club", TierRules.onQualifyingPoints(12, Tier.of("silver", "Silver", 72))));
        Membership member = enrol();
        purchases.record(webOrder(customer, "ORD-1"));

        runDueWorkAt(AFTER_WINDOW);

        assertThat(loyalty.balances(member.id()).qualifyingAvailable()).isEqualTo(71);
        assertThat(tiers.memberTier(member.id()).tierCode()).as("71 posted points, one short of silver").isNull();
    }

    @Test
    void points_still_pending_do_not_lift_a_member_whom_a_posted_award_would_lift_with_them() {
        TierService tiers = fixtures.crm.tenant(TENANT).service(TierService.class);
        loyalty.reviseProgramme(ReviseProgramme.of("club", 1, ProgrammeRules.earning("EUR", "1")
                .withReturnWindowDays(30).withActivity("visit", new ActivityAward(1, 1))));
        tiers.defineTiers(DefineTiers.of("club", TierRules.onQualifyingPoints(12, Tier.of("silver", "Silver", 72))));
        Membership member = enrol();
        purchases.record(webOrder(customer, "ORD-1"));

        loyalty.award(AwardActivity.of(member.id(), "visit", null, "visit-1"));

        assertThat(tiers.memberTier(member.id()).tierCode()).as("1 posted, 71 pending").isNull();
        runDueWorkAt(AFTER_WINDOW);
        assertThat(tiers.memberTier(member.id()).tierCode()).as("72 posted").isEqualTo("silver");
    }

    @Test
    void a_members_tier_bonus_applies_to_what_a_purchase_earns() {
        TierService tiers = fixtures.crm.tenant(TENANT).service(TierService.class);
        loyalty.reviseProgramme(ReviseProgramme.of("club", 1, ProgrammeRules.earning("EUR", "1")
                .withReturnWindowDays(30).withTierBonus("silver", "2")));
        tiers.defineTiers(DefineTiers.of("club", TierRules.onQualifyingPoints(12, Tier.of("silver", "Silver", 50))));
        Membership member = enrol();
        purchases.record(webOrder(customer, "ORD-1"));
        runDueWorkAt(AFTER_WINDOW);
        assertThat(tiers.memberTier(member.id()).tierCode()).isEqualTo("silver");

        purchases.record(webOrder(customer, "ORD-2"));  // bought before the window: posted at once

        PointsBalances balances = loyalty.balances(member.id());
        assertThat(balances.redeemableAvailable()).as("71, then 71 at the silver bonus of 2").isEqualTo(71 + 142);
        assertThat(balances.qualifyingAvailable()).as("the tier bonus adds no qualifying points").isEqualTo(142);
    }

    @Test
    void a_members_purchase_earns_pending_points_that_cannot_be_spent_until_the_window_passes() {
        Membership member = enrol();

        Purchase order = purchases.record(webOrder(customer, "ORD-1"));

        assertThat(loyalty.balances(member.id())).isEqualTo(new PointsBalances(member.id(), 0, 0, 71, 71, 0, 0));
        assertThat(accruals(order.id())).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AccrualStatus.PENDING);
            assertThat(a.availableAt()).isEqualTo(START.minusSeconds(3600).plus(WINDOW));
            assertThat(a.qualifyingPoints()).isEqualTo(71);
        });
        assertThat(fixtures.storage.dueWork().find(TENANT, LoyaltyService.PENDING_POINTS_DUE,
                accruals(order.id()).get(0).id().toString())).isPresent();
        assertThatThrownBy(() -> loyalty.redeem(RedeemReward.of(member.id(), "coffee", "redeem-1")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("redeemablePoints"));
        assertThat(fixtures.outboxTypes()).containsSubsequence("loyalty.purchase.recorded",
                "loyalty.membership.points-pending");
        assertLedgerAddsUp(member.id());
    }

    @Test
    void pending_points_post_once_when_the_window_passed_and_not_a_minute_before() {
        Membership member = enrol();
        Purchase order = purchases.record(webOrder(customer, "ORD-1"));

        assertThat(runDueWorkAt(AFTER_WINDOW.minusSeconds(3601)).claimed()).as("a second before").isZero();
        assertThat(runDueWorkAt(AFTER_WINDOW).completed()).isEqualTo(1);
        assertThat(runDueWorkAt(AFTER_WINDOW.plus(WINDOW)).claimed()).as("done once").isZero();

        assertThat(loyalty.balances(member.id())).isEqualTo(new PointsBalances(member.id(), 71, 71, 0, 0, 0, 0));
        assertThat(accruals(order.id()).get(0).status()).isEqualTo(AccrualStatus.POSTED);
        assertThat(loyalty.ledger(member.id(), PageRequest.first(10)).items()).extracting(LedgerEntry::kind)
                .containsExactly(LedgerEntryKind.ACCRUAL, LedgerEntryKind.PENDING, LedgerEntryKind.PENDING);
        List<PublishedEvent> posted = fixtures.publishAll().stream()
                .filter(e -> e.type().equals("loyalty.membership.purchase-points-posted")).toList();
        assertThat(posted).singleElement().satisfies(e -> assertThat(e.payload())
                .contains("\"redeemablePoints\":71").contains("\"redeemableBalance\":71"));
        assertLedgerAddsUp(member.id());
    }

    @Test
    void due_work_run_again_after_the_points_posted_changes_nothing() {
        Membership member = enrol();
        Purchase order = purchases.record(webOrder(customer, "ORD-1"));
        runDueWorkAt(AFTER_WINDOW);
        String accrual = accruals(order.id()).get(0).id().toString();

        fixtures.storage.dueWork().schedule(DueWorkRecord.of(TENANT, UUID.randomUUID(),
                LoyaltyService.PENDING_POINTS_DUE, accrual, AFTER_WINDOW, null));

        assertThat(runDueWorkAt(AFTER_WINDOW).completed()).isEqualTo(1);
        assertThat(loyalty.balances(member.id()).redeemableAvailable()).isEqualTo(71);
        assertThat(fixtures.sums(member.id()).entries()).isEqualTo(1);
    }

    @Test
    void a_retried_purchase_report_accrues_once() {
        Membership member = enrol();

        Purchase first = purchases.record(webOrder(customer, "ORD-1"));
        Purchase again = purchases.record(webOrder(customer, "ORD-1"));

        assertThat(again).isEqualTo(first);
        assertThat(accruals(first.id())).hasSize(1);
        assertThat(loyalty.balances(member.id()).redeemablePending()).isEqualTo(71);
    }

    @Test
    void a_non_member_earns_nothing_and_a_later_enrolment_does_not_credit_earlier_purchases() {
        Purchase order = purchases.record(webOrder(customer, "ORD-1"));
        Membership member = enrol();

        runDueWorkAt(AFTER_WINDOW);

        assertThat(accruals(order.id())).isEmpty();
        assertThat(loyalty.balances(member.id())).isEqualTo(new PointsBalances(member.id(), 0, 0, 0, 0, 0, 0));
    }

    @Test
    void a_suspended_member_or_a_member_of_an_undefined_programme_earns_nothing() {
        Membership member = enrol();
        loyalty.suspend(member.id());
        Membership elsewhere = loyalty.enrol(EnrolMember.of(customer, "undefined-club"));

        Purchase order = purchases.record(webOrder(customer, "ORD-1"));

        assertThat(accruals(order.id())).isEmpty();
        assertThat(loyalty.balances(member.id()).redeemablePending()).isZero();
        assertThat(loyalty.balances(elsewhere.id()).redeemablePending()).isZero();
    }

    @Test
    void a_member_of_two_programmes_earns_in_each_under_its_rules() {
        loyalty.defineProgramme(DefineProgramme.of("family", ProgrammeRules.earning("EUR", "2")));
        Membership club = enrol();
        Membership family = loyalty.enrol(EnrolMember.of(customer, "family"));

        purchases.record(webOrder(customer, "ORD-1"));

        assertThat(loyalty.balances(club.id()).redeemablePending()).isEqualTo(71);
        assertThat(loyalty.balances(family.id())).as("no window: available at once")
                .isEqualTo(new PointsBalances(family.id(), 144, 144, 0, 0, 0, 0));
        assertLedgerAddsUp(family.id());
    }

    @Test
    void a_purchase_reported_after_its_window_passed_is_available_at_once() {
        Membership member = enrol();
        fixtures.clock.advance(WINDOW);

        purchases.record(webOrder(customer, "ORD-1"));

        assertThat(loyalty.balances(member.id())).isEqualTo(new PointsBalances(member.id(), 71, 71, 0, 0, 0, 0));
        assertThat(fixtures.crm.scheduler().runDueWork().claimed()).isZero();
    }

    @Test
    void a_partial_return_while_pending_cancels_the_lines_share_and_the_rest_posts() {
        Membership member = enrol();
        Purchase order = purchases.record(webOrder(customer, "ORD-1"));

        purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", START, ReturnedLine.of(1, 1)));

        // one of two shirts that earned 59: 29.5, half-even 30
        assertThat(loyalty.balances(member.id()).redeemablePending()).isEqualTo(41);
        purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", START, ReturnedLine.of(1, 1)));
        assertThat(loyalty.balances(member.id()).redeemablePending()).as("a retried return").isEqualTo(41);
        runDueWorkAt(AFTER_WINDOW);
        assertThat(loyalty.balances(member.id())).isEqualTo(new PointsBalances(member.id(), 41, 41, 0, 0, 0, 0));
        assertThat(accruals(order.id()).get(0).status()).isEqualTo(AccrualStatus.POSTED);
        assertLedgerAddsUp(member.id());
    }

    @Test
    void returning_everything_while_pending_cancels_the_accrual_and_its_due_work() {
        Membership member = enrol();
        Purchase order = purchases.record(webOrder(customer, "ORD-1"));

        purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", START, ReturnedLine.of(1, 1)));
        purchases.recordReturn(RecordReturn.of("ORD-1", "RET-2", START, ReturnedLine.of(1, 1),
                ReturnedLine.of(2, 1)));

        assertThat(accruals(order.id()).get(0).status()).isEqualTo(AccrualStatus.CANCELLED);
        assertThat(loyalty.balances(member.id())).isEqualTo(new PointsBalances(member.id(), 0, 0, 0, 0, 0, 0));
        assertThat(runDueWorkAt(AFTER_WINDOW).claimed()).isZero();
        assertThat(fixtures.outboxTypes()).filteredOn("loyalty.membership.purchase-points-reversed"::equals)
                .hasSize(2);
    }

    @Test
    void a_return_after_posting_reverses_what_is_available_and_records_what_was_spent_as_owed() {
        Membership member = enrol();
        purchases.record(webOrder(customer, "ORD-1"));
        runDueWorkAt(AFTER_WINDOW);
        loyalty.post(PostPoints.accrual(member.id(), 100, "activity.visit", null, "visit-1"));
        loyalty.redeem(RedeemReward.of(member.id(), "coffee", "redeem-1")); // 171 - 150 = 21 left

        purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", AFTER_WINDOW, ReturnedLine.of(1, 2)));

        // the shirts earned 59: 21 reversed, 38 owed; qualifying points were not spent
        assertThat(loyalty.balances(member.id())).isEqualTo(new PointsBalances(member.id(), 112, 0, 0, 0, 0, 38));
        assertLedgerAddsUp(member.id());
    }

    @Test
    void what_is_owed_is_paid_off_by_the_next_purchase_before_its_points_become_available() {
        Membership member = enrol();
        purchases.record(webOrder(customer, "ORD-1"));
        runDueWorkAt(AFTER_WINDOW);
        loyalty.post(PostPoints.adjustment(member.id(), 0, -50, "service.correction", "spent-1"));
        purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", AFTER_WINDOW, ReturnedLine.of(1, 2)));
        assertThat(loyalty.balances(member.id())).isEqualTo(new PointsBalances(member.id(), 12, 0, 0, 0, 0, 38));

        purchases.record(RecordPurchase.of(customer, "ORD-2", "web", AFTER_WINDOW,
                PurchaseLine.of("sku-shirt", 2, Money.of("59.90", "EUR")),
                PurchaseLine.of("sku-cap", 1, Money.of("12.50", "EUR"))));
        assertThat(loyalty.balances(member.id())).as("pending: nothing paid off yet")
                .isEqualTo(new PointsBalances(member.id(), 12, 0, 71, 71, 0, 38));
        runDueWorkAt(AFTER_WINDOW.plus(WINDOW));

        assertThat(loyalty.balances(member.id())).isEqualTo(new PointsBalances(member.id(), 83, 33, 0, 0, 0, 0));
        assertLedgerAddsUp(member.id());
        assertThat(fixtures.publishAll()).filteredOn(e -> e.type().equals(
                "loyalty.membership.purchase-points-posted")).last().satisfies(e -> assertThat(e.payload())
                        .contains("\"redeemablePoints\":33").contains("\"redeemablePaidOff\":38"));
    }

    @Test
    void pending_points_of_a_membership_closed_before_its_window_passed_lapse() {
        Membership member = enrol();
        Purchase order = purchases.record(webOrder(customer, "ORD-1"));
        loyalty.close(member.id());

        runDueWorkAt(AFTER_WINDOW);

        assertThat(accruals(order.id()).get(0).status()).isEqualTo(AccrualStatus.CANCELLED);
        assertThat(loyalty.balances(member.id())).isEqualTo(new PointsBalances(member.id(), 0, 0, 0, 0, 0, 0));
    }

    @Test
    void a_return_of_a_line_that_earned_nothing_takes_nothing_back() {
        loyalty.reviseProgramme(ReviseProgramme.of("club", 1, ProgrammeRules.earning("EUR", "1")
                .withReturnWindowDays(30).withCategory("accessories", "0")));
        Membership member = enrol();
        Purchase order = purchases.record(webOrder(customer, "ORD-1"));
        assertThat(accruals(order.id()).get(0).lines()).hasSize(1);

        purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", START, ReturnedLine.of(2, 1)));

        assertThat(loyalty.balances(member.id()).redeemablePending()).isEqualTo(59);
        assertThat(accruals(order.id()).get(0).version()).as("untouched").isEqualTo(1);
    }

    @Test
    void a_return_against_a_closed_membership_takes_nothing_back() {
        Membership member = enrol();
        purchases.record(webOrder(customer, "ORD-1"));
        runDueWorkAt(AFTER_WINDOW);
        loyalty.close(member.id());

        purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", AFTER_WINDOW, ReturnedLine.of(1, 2)));

        assertThat(loyalty.balances(member.id())).isEqualTo(new PointsBalances(member.id(), 71, 71, 0, 0, 0, 0));
    }

    @Test
    void an_order_in_another_currency_than_the_programmes_earns_nothing() {
        Membership member = enrol();

        Purchase order = purchases.record(RecordPurchase.of(customer, "ORD-1", "web", START,
                PurchaseLine.of("sku-shirt", 1, Money.of("59.90", "USD"))));

        assertThat(accruals(order.id())).isEmpty();
        assertThat(loyalty.balances(member.id()).redeemablePending()).isZero();
    }

    @Test
    void balances_of_an_unknown_membership_are_not_found() {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> loyalty.balances(unknown)).isInstanceOf(NotFoundException.class);
    }
}
