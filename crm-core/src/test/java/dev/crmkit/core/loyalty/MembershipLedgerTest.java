package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.NotPermittedException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.spi.loyalty.LedgerSums;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MembershipLedgerTest {
    private final LoyaltyFixtures fixtures = new LoyaltyFixtures();
    private final LoyaltyService loyalty = fixtures.loyalty();
    private final UUID anna = fixtures.customer();

    private Membership member() {
        return loyalty.enrol(EnrolMember.of(anna, "club"));
    }

    @Test
    void enrolling_makes_an_active_member_with_a_checked_member_number_and_empty_balances() {
        // when
        Membership member = member();

        // then
        assertThat(member.status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(member.customerId()).isEqualTo(anna);
        assertThat(member.qualifyingPoints()).isZero();
        assertThat(member.redeemablePoints()).isZero();
        assertThat(MemberNumbers.isValid(member.memberNumber())).isTrue();
        assertThat(loyalty.membershipByNumber(member.memberNumber())).isEqualTo(member);
        assertThat(loyalty.membershipOf(anna, "club")).isEqualTo(member);
        assertThat(fixtures.outboxTypes()).containsExactly("loyalty.membership.enrolled");
        PublishedEvent enrolled = fixtures.publishAll().get(0);
        assertThat(enrolled.payload()).doesNotContain(member.memberNumber());
    }

    @Test
    void enrolling_again_returns_the_membership_there_is_and_records_nothing() {
        Membership first = member();

        assertThat(member()).isEqualTo(first);
        assertThat(loyalty.enrol(EnrolMember.of(anna, "shop")).id()).isNotEqualTo(first.id());
        assertThat(fixtures.outboxTypes()).containsExactly("loyalty.membership.enrolled",
                "loyalty.membership.enrolled");
    }

    @Test
    void enrolling_an_unknown_customer_names_the_field() {
        assertThatThrownBy(() -> loyalty.enrol(EnrolMember.of(UUID.randomUUID(), "club")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("customerId"));
        assertThatThrownBy(() -> EnrolMember.of(anna, " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("programme"));
    }

    @Test
    void points_posted_change_the_balances_by_one_ledger_entry_each_and_the_cache_equals_the_sums() {
        // given
        Membership member = member();

        // when
        LedgerEntry earned = loyalty.post(PostPoints.accrual(member.id(), 120, "activity.review", "rev-1", "k-1"));
        loyalty.post(PostPoints.adjustment(member.id(), 0, -20, "service.correction", "k-2"));

        // then
        Membership after = loyalty.membership(member.id());
        assertThat(after.qualifyingPoints()).isEqualTo(120);
        assertThat(after.redeemablePoints()).isEqualTo(100);
        assertThat(fixtures.sums(member.id())).isEqualTo(new LedgerSums(120, 100, 2));
        assertThat(earned.kind()).isEqualTo(LedgerEntryKind.ACCRUAL);
        assertThat(loyalty.ledger(member.id(), PageRequest.first(10)).items()).extracting(LedgerEntry::idempotencyKey)
                .containsExactly("k-2", "k-1");
        assertThat(fixtures.publishAll().get(1).payload()).contains("\"qualifyingBalance\":120")
                .contains("\"redeemableBalance\":120");
    }

    @Test
    void a_retried_posting_returns_the_first_entry_and_another_posting_under_its_key_is_a_conflict() {
        Membership member = member();
        LedgerEntry first = loyalty.post(PostPoints.accrual(member.id(), 50, "activity.visit", null, "visit-1"));

        LedgerEntry again = loyalty.post(PostPoints.accrual(member.id(), 50, "activity.visit", null, "visit-1"));

        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> loyalty.post(PostPoints.accrual(member.id(), 60, "activity.visit", null,
                "visit-1"))).isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(50);
        assertThat(fixtures.sums(member.id())).isEqualTo(new LedgerSums(50, 50, 1));
    }

    @Test
    void a_retry_answers_as_the_first_posting_did_even_where_the_posting_would_now_be_refused() {
        // given a posting, then the membership closed, so the same posting would now be refused
        Membership member = member();
        LedgerEntry first = loyalty.post(PostPoints.accrual(member.id(), 50, "activity.visit", null, "visit-1"));
        LedgerEntry spent = loyalty.post(PostPoints.adjustment(member.id(), 0, -50, "service.correction", "fix-1"));
        loyalty.close(member.id());
        int events = fixtures.outboxTypes().size();

        // then a retry still answers with the entry posted first, and records nothing
        assertThat(loyalty.post(PostPoints.accrual(member.id(), 50, "activity.visit", null, "visit-1")))
                .isEqualTo(first);
        assertThat(loyalty.post(PostPoints.adjustment(member.id(), 0, -50, "service.correction", "fix-1")))
                .isEqualTo(spent);
        // another posting under a used key is a conflict, not the refusal the closed membership would give
        assertThatThrownBy(() -> loyalty.post(PostPoints.accrual(member.id(), 60, "activity.visit", null,
                "visit-1"))).isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isFalse());
        assertThatThrownBy(() -> loyalty.post(PostPoints.accrual(UUID.randomUUID(), 50, "activity.visit", null,
                "visit-1"))).isInstanceOf(ConflictException.class);
        // a new key on the closed membership is refused
        assertThatThrownBy(() -> loyalty.post(PostPoints.accrual(member.id(), 50, "activity.visit", null,
                "visit-2"))).isInstanceOf(NotPermittedException.class);
        assertThat(fixtures.outboxTypes()).hasSize(events);
        assertThat(fixtures.sums(member.id())).isEqualTo(new LedgerSums(50, 0, 2));
    }

    @Test
    void a_posting_that_would_take_a_balance_below_zero_is_refused_and_changes_nothing() {
        Membership member = member();
        loyalty.post(PostPoints.accrual(member.id(), 30, "activity.visit", null, "k-1"));

        assertThatThrownBy(() -> loyalty.post(PostPoints.adjustment(member.id(), 0, -31, "service.correction",
                "k-2"))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("redeemablePoints"));
        assertThatThrownBy(() -> loyalty.post(PostPoints.adjustment(member.id(), -31, 0, "service.correction",
                "k-3"))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("qualifyingPoints"));
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(30);
        assertThat(fixtures.sums(member.id())).isEqualTo(new LedgerSums(30, 30, 1));
        assertThat(loyalty.post(PostPoints.adjustment(member.id(), 0, -30, "service.correction", "k-2"))
                .redeemablePoints()).isEqualTo(-30);
    }

    @Test
    void a_suspended_member_takes_adjustments_only_and_a_closed_one_nothing() {
        Membership member = member();
        loyalty.post(PostPoints.accrual(member.id(), 30, "activity.visit", null, "k-1"));

        assertThat(loyalty.suspend(member.id()).status()).isEqualTo(MembershipStatus.SUSPENDED);
        assertThatThrownBy(() -> loyalty.post(PostPoints.accrual(member.id(), 5, "activity.visit", null, "k-2")))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("SUSPENDED");
        loyalty.post(PostPoints.adjustment(member.id(), 0, -10, "service.correction", "k-3"));
        assertThat(loyalty.reactivate(member.id()).status()).isEqualTo(MembershipStatus.ACTIVE);
        loyalty.post(PostPoints.accrual(member.id(), 5, "activity.visit", null, "k-2"));
        assertThat(loyalty.close(member.id()).status()).isEqualTo(MembershipStatus.CLOSED);
        assertThatThrownBy(() -> loyalty.post(PostPoints.adjustment(member.id(), 1, 1, "service.correction",
                "k-4"))).isInstanceOf(NotPermittedException.class);
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(25);
        assertThat(fixtures.sums(member.id())).isEqualTo(new LedgerSums(35, 25, 3));
    }

    @Test
    void the_lifecycle_refuses_moves_it_does_not_list_naming_both_states() {
        Membership member = member();

        assertThatThrownBy(() -> loyalty.reactivate(member.id()))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo("ACTIVE");
                    assertThat(e.to()).isEqualTo("ACTIVE");
                });
        loyalty.close(member.id());
        assertThatThrownBy(() -> loyalty.suspend(member.id())).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> loyalty.close(member.id())).isInstanceOf(IllegalTransitionException.class);
        assertThat(fixtures.outboxTypes()).containsExactly("loyalty.membership.enrolled",
                "loyalty.membership.status-changed");
    }

    @Test
    void commands_refuse_what_the_ledger_cannot_take_naming_the_field() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new PostPoints(id, LedgerEntryKind.REDEMPTION, 0, -5, "reward", null, "k"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("kind"));
        assertThatThrownBy(() -> PostPoints.accrual(id, 0, "activity.visit", null, "k"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("points"));
        assertThatThrownBy(() -> PostPoints.accrual(id, -5, "activity.visit", null, "k"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("points"));
        assertThatThrownBy(() -> new PostPoints(id, LedgerEntryKind.ACCRUAL, 5, -1, "x", null, "k"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("points"));
        assertThatThrownBy(() -> PostPoints.accrual(id, 5, "activity.visit", null, " "))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("idempotencyKey"));
    }

    @Test
    void unknown_memberships_are_not_found() {
        assertThatThrownBy(() -> loyalty.membership(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> loyalty.membershipByNumber("0000000000")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> loyalty.membershipOf(anna, "club")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> loyalty.post(PostPoints.accrual(UUID.randomUUID(), 5, "x", null, "k")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> loyalty.ledger(UUID.randomUUID(), PageRequest.first(5)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> loyalty.suspend(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        LoyaltyService globex = fixtures.crm.tenant(LoyaltyFixtures.OTHER_TENANT).service(LoyaltyService.class);
        Membership member = member();
        assertThatThrownBy(() -> globex.membership(member.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void member_numbers_are_ten_digits_with_a_luhn_check_digit() {
        // the textbook example: 7992739871 takes the check digit 3
        assertThat(MemberNumbers.checkDigit("7992739871")).isEqualTo(3);
        assertThat(MemberNumbers.isValid("7992739875")).isTrue();
        assertThat(MemberNumbers.isValid("7992739873")).isFalse();
        assertThat(MemberNumbers.isValid("7929739875")).isFalse();
        assertThat(MemberNumbers.isValid("799273987")).isFalse();
        assertThat(MemberNumbers.isValid("79927398a5")).isFalse();
        for (int i = 0; i < 100; i++) {
            assertThat(MemberNumbers.isValid(MemberNumbers.from(UUID.randomUUID()))).isTrue();
        }
    }
}
