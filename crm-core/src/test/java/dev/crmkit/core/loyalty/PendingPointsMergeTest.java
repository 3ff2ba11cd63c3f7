package dev.crmkit.core.loyalty;

import static dev.crmkit.core.loyalty.LoyaltyFixtures.START;
import static dev.crmkit.core.loyalty.LoyaltyFixtures.TENANT;
import static dev.crmkit.core.loyalty.LoyaltyFixtures.webOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.loyalty.AccrualStatus;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.spi.loyalty.AccrualRecord;
import dev.crmkit.spi.loyalty.LedgerSums;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A customer merge that closes the merged customer's membership moves its points still pending to the survivor's
 * membership in the programme, less what returns took back before the merge; they post there when the purchase's
 * return window passes, and a return after the merge takes back from them there. {@link LoyaltyFixtures#webOrder}
 * earns 59 points on two shirts and 12 on a cap.
 */
class PendingPointsMergeTest {
    private final LoyaltyFixtures fixtures = new LoyaltyFixtures();
    private final LoyaltyService loyalty = fixtures.loyalty();
    private final PurchaseService purchases = fixtures.purchases();
    private final UUID anna = fixtures.customer();
    private final UUID duplicate = fixtures.customer();

    PendingPointsMergeTest() {
        loyalty.defineProgramme(DefineProgramme.of("club", ProgrammeRules.earning("EUR", "1")
                .withReturnWindowDays(30)));
    }

    private void merge() {
        fixtures.crm.tenant(TENANT).service(CustomerService.class).merge(anna, duplicate, Actor.user("clerk-1"));
    }

    private LedgerSums pending(UUID membershipId) {
        return fixtures.storage.ledger().sums(TENANT, membershipId, LedgerEntryKind.PENDING);
    }

    @Test
    void pending_points_of_the_closed_membership_move_to_the_survivors_and_post_there() {
        // given: the duplicate's order earned 71 pending points, of which a returned cap took back 12
        Membership ours = loyalty.enrol(EnrolMember.of(anna, "club"));
        Membership theirs = loyalty.enrol(EnrolMember.of(duplicate, "club"));
        loyalty.post(PostPoints.accrual(theirs.id(), 5, "activity.visit", null, "visit-1"));
        Purchase order = purchases.record(webOrder(duplicate, "ORD-1"));
        purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", START, ReturnedLine.of(2, 1)));

        // when
        merge();

        // then: 59 pending on the survivor's membership, none left on the closed one
        assertThat(loyalty.membership(theirs.id()).status()).isEqualTo(MembershipStatus.CLOSED);
        assertThat(loyalty.balances(theirs.id())).isEqualTo(new PointsBalances(theirs.id(), 0, 0, 0, 0, 0, 0));
        assertThat(loyalty.balances(ours.id())).isEqualTo(new PointsBalances(ours.id(), 5, 5, 59, 59, 0, 0));
        assertThat(pending(theirs.id())).isEqualTo(new LedgerSums(0, 0, 3));
        assertThat(pending(ours.id())).isEqualTo(new LedgerSums(59, 59, 1));
        List<AccrualRecord> accruals = fixtures.storage.accruals().forPurchase(TENANT, order.id());
        assertThat(accruals).extracting(AccrualRecord::membershipId, AccrualRecord::status).containsExactly(
                tuple(theirs.id(), AccrualStatus.CANCELLED),
                tuple(ours.id(), AccrualStatus.PENDING));
        List<PublishedEvent> moved = fixtures.publishAll().stream()
                .filter(e -> e.type().equals("loyalty.membership.pending-points-moved")).toList();
        assertThat(moved).singleElement().satisfies(e -> {
            assertThat(e.aggregateId()).isEqualTo(theirs.id().toString());
            assertThat(e.payload()).contains("\"toMembershipId\":\"" + ours.id() + "\"")
                    .contains("\"redeemablePoints\":59");
        });

        // when: the window passes
        fixtures.clock.advance(Duration.ofDays(30));
        fixtures.crm.scheduler().runDueWork();

        // then: they post on the survivor's membership, once
        assertThat(loyalty.balances(ours.id())).isEqualTo(new PointsBalances(ours.id(), 64, 64, 0, 0, 0, 0));
        assertThat(loyalty.balances(theirs.id())).isEqualTo(new PointsBalances(theirs.id(), 0, 0, 0, 0, 0, 0));
        assertThat(fixtures.sums(ours.id())).isEqualTo(new LedgerSums(64, 64, 2));
        assertThat(fixtures.storage.accruals().forPurchase(TENANT, order.id())).extracting(AccrualRecord::status)
                .containsExactly(AccrualStatus.CANCELLED, AccrualStatus.POSTED);
    }

    @Test
    void a_return_after_the_merge_takes_back_from_the_points_pending_on_the_survivors_membership() {
        Membership ours = loyalty.enrol(EnrolMember.of(anna, "club"));
        Membership theirs = loyalty.enrol(EnrolMember.of(duplicate, "club"));
        purchases.record(webOrder(duplicate, "ORD-1"));
        merge();

        purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", START, ReturnedLine.of(2, 1)));

        assertThat(loyalty.balances(ours.id())).isEqualTo(new PointsBalances(ours.id(), 0, 0, 59, 59, 0, 0));
        assertThat(loyalty.balances(theirs.id())).isEqualTo(new PointsBalances(theirs.id(), 0, 0, 0, 0, 0, 0));
        fixtures.clock.advance(Duration.ofDays(30));
        fixtures.crm.scheduler().runDueWork();
        assertThat(loyalty.balances(ours.id())).isEqualTo(new PointsBalances(ours.id(), 59, 59, 0, 0, 0, 0));
        assertThat(fixtures.sums(ours.id())).isEqualTo(new LedgerSums(59, 59, 1));
    }

    @Test
    void points_posted_before_the_merge_are_not_moved_again_as_pending() {
        Membership ours = loyalty.enrol(EnrolMember.of(anna, "club"));
        Membership theirs = loyalty.enrol(EnrolMember.of(duplicate, "club"));
        purchases.record(webOrder(duplicate, "ORD-1"));
        fixtures.clock.advance(Duration.ofDays(30));
        fixtures.crm.scheduler().runDueWork();

        merge();

        assertThat(loyalty.balances(ours.id())).isEqualTo(new PointsBalances(ours.id(), 71, 71, 0, 0, 0, 0));
        assertThat(loyalty.balances(theirs.id())).isEqualTo(new PointsBalances(theirs.id(), 0, 0, 0, 0, 0, 0));
        assertThat(pending(ours.id())).isEqualTo(new LedgerSums(0, 0, 0));
    }
}
