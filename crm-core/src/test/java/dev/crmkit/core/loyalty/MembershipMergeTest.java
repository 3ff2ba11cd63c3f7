package dev.crmkit.core.loyalty;

import static dev.crmkit.core.loyalty.LoyaltyFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.spi.loyalty.LedgerSums;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MembershipMergeTest {
    private final LoyaltyFixtures fixtures = new LoyaltyFixtures();
    private final LoyaltyService loyalty = fixtures.loyalty();
    private final UUID anna = fixtures.customer();
    private final UUID duplicate = fixtures.customer();

    private void merge() {
        fixtures.crm.tenant(TENANT).service(CustomerService.class).merge(anna, duplicate, Actor.user("clerk-1"));
    }

    @Test
    void a_membership_in_a_programme_the_survivor_is_no_member_of_moves_to_the_survivor_whole() {
        // given
        Membership theirs = loyalty.enrol(EnrolMember.of(duplicate, "club"));
        loyalty.post(PostPoints.accrual(theirs.id(), 70, "activity.visit", null, "k-1"));

        // when
        merge();

        // then
        Membership moved = loyalty.membershipOf(anna, "club");
        assertThat(moved.id()).isEqualTo(theirs.id());
        assertThat(moved.memberNumber()).isEqualTo(theirs.memberNumber());
        assertThat(moved.redeemablePoints()).isEqualTo(70);
        assertThat(loyalty.membershipOf(duplicate, "club")).isEqualTo(moved);
        assertThat(fixtures.sums(moved.id())).isEqualTo(new LedgerSums(70, 70, 1));
    }

    @Test
    void two_memberships_in_one_programme_merge_into_the_survivors_without_losing_or_doubling_a_point() {
        // given
        Membership ours = loyalty.enrol(EnrolMember.of(anna, "club"));
        Membership theirs = loyalty.enrol(EnrolMember.of(duplicate, "club"));
        loyalty.post(PostPoints.accrual(ours.id(), 100, "activity.visit", null, "k-1"));
        loyalty.post(PostPoints.accrual(theirs.id(), 70, "activity.visit", null, "k-2"));
        loyalty.post(PostPoints.adjustment(theirs.id(), 0, -20, "service.correction", "k-3"));

        // when
        merge();

        // then
        Membership survivor = loyalty.membership(ours.id());
        Membership closed = loyalty.membership(theirs.id());
        assertThat(survivor.qualifyingPoints()).isEqualTo(170);
        assertThat(survivor.redeemablePoints()).isEqualTo(150);
        assertThat(closed.status()).isEqualTo(MembershipStatus.CLOSED);
        assertThat(closed.qualifyingPoints()).isZero();
        assertThat(closed.redeemablePoints()).isZero();
        assertThat(fixtures.sums(ours.id())).isEqualTo(new LedgerSums(170, 150, 2));
        assertThat(fixtures.sums(theirs.id())).isEqualTo(new LedgerSums(0, 0, 3));
        PublishedEvent merged = fixtures.publishAll().stream().filter(e -> e.type().equals("customer.merged"))
                .findFirst().orElseThrow();
        assertThat(merged.payload()).contains("\"memberships\":1");
    }

    @Test
    void an_empty_duplicate_membership_is_closed_without_entries() {
        Membership ours = loyalty.enrol(EnrolMember.of(anna, "club"));
        Membership theirs = loyalty.enrol(EnrolMember.of(duplicate, "club"));

        merge();

        assertThat(loyalty.membership(theirs.id()).status()).isEqualTo(MembershipStatus.CLOSED);
        assertThat(fixtures.sums(theirs.id())).isEqualTo(new LedgerSums(0, 0, 0));
        assertThat(loyalty.membership(ours.id()).status()).isEqualTo(MembershipStatus.ACTIVE);
    }

    @Test
    void a_merge_into_a_closed_survivor_membership_from_an_open_one_is_refused_and_changes_nothing() {
        // given: the survivor closed its card, the duplicate still earns on an active one
        Membership ours = loyalty.enrol(EnrolMember.of(anna, "club"));
        loyalty.post(PostPoints.accrual(ours.id(), 30, "activity.visit", null, "k-1"));
        loyalty.close(ours.id());
        Membership theirs = loyalty.enrol(EnrolMember.of(duplicate, "club"));
        loyalty.post(PostPoints.accrual(theirs.id(), 70, "activity.visit", null, "k-2"));
        Membership closedBefore = loyalty.membership(ours.id());
        Membership openBefore = loyalty.membership(theirs.id());

        // when / then
        assertThatThrownBy(this::merge).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("survivorId"));
        assertThat(loyalty.membership(ours.id())).isEqualTo(closedBefore);
        assertThat(fixtures.sums(ours.id())).isEqualTo(new LedgerSums(30, 30, 1));
        assertThat(loyalty.membership(theirs.id())).isEqualTo(openBefore);
        assertThat(fixtures.sums(theirs.id())).isEqualTo(new LedgerSums(70, 70, 1));
        assertThat(fixtures.crm.tenant(TENANT).service(CustomerService.class).get(duplicate).id())
                .isEqualTo(duplicate);
    }

    @Test
    void merging_the_other_way_round_moves_the_closed_memberships_points_into_the_open_one() {
        Membership closed = loyalty.enrol(EnrolMember.of(anna, "club"));
        loyalty.post(PostPoints.accrual(closed.id(), 30, "activity.visit", null, "k-1"));
        loyalty.close(closed.id());
        Membership open = loyalty.enrol(EnrolMember.of(duplicate, "club"));

        fixtures.crm.tenant(TENANT).service(CustomerService.class).merge(duplicate, anna, Actor.user("clerk-1"));

        assertThat(loyalty.membershipOf(anna, "club").id()).isEqualTo(open.id());
        assertThat(loyalty.membership(open.id()).redeemablePoints()).isEqualTo(30);
        assertThat(loyalty.membership(closed.id()).redeemablePoints()).isZero();
        assertThat(fixtures.sums(closed.id())).isEqualTo(new LedgerSums(0, 0, 2));
    }

    @Test
    void a_closed_membership_of_the_merged_customer_stays_as_it_is_when_the_survivors_is_closed_too() {
        Membership ours = loyalty.enrol(EnrolMember.of(anna, "club"));
        loyalty.close(ours.id());
        Membership theirs = loyalty.enrol(EnrolMember.of(duplicate, "club"));
        loyalty.post(PostPoints.accrual(theirs.id(), 70, "activity.visit", null, "k-1"));
        loyalty.close(theirs.id());

        merge();

        assertThat(loyalty.membership(ours.id()).redeemablePoints()).isZero();
        assertThat(fixtures.sums(ours.id())).isEqualTo(new LedgerSums(0, 0, 0));
        assertThat(loyalty.membership(theirs.id()).redeemablePoints()).isEqualTo(70);
        assertThat(fixtures.sums(theirs.id())).isEqualTo(new LedgerSums(70, 70, 1));
        PublishedEvent merged = fixtures.publishAll().stream().filter(e -> e.type().equals("customer.merged"))
                .findFirst().orElseThrow();
        assertThat(merged.payload()).contains("\"memberships\":0");
    }
}
