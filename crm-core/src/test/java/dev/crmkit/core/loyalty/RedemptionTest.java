package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.port.CatalogueReward;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.NotPermittedException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.loyalty.LedgerSums;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RedemptionTest {
    private final LoyaltyFixtures fixtures = new LoyaltyFixtures();
    private final LoyaltyService loyalty = fixtures.loyalty();
    private final Membership member = loyalty.enrol(EnrolMember.of(fixtures.customer(), "club"));

    private void earn(long points) {
        loyalty.post(PostPoints.accrual(member.id(), points, "activity.visit", null, "earn-" + UUID.randomUUID()));
    }

    @Test
    void redeeming_a_reward_spends_its_cost_in_redeemable_points_by_one_redemption_entry() {
        // given
        earn(500);

        // when
        LedgerEntry entry = loyalty.redeem(new RedeemReward(member.id(), "coffee", 2, "redeem-1"));

        // then
        assertThat(entry.kind()).isEqualTo(LedgerEntryKind.REDEMPTION);
        assertThat(entry.redeemablePoints()).isEqualTo(-300);
        assertThat(entry.qualifyingPoints()).isZero();
        assertThat(entry.sourceType()).isEqualTo("reward");
        assertThat(entry.sourceReference()).isEqualTo("coffee*2");
        Membership after = loyalty.membership(member.id());
        assertThat(after.redeemablePoints()).isEqualTo(200);
        assertThat(after.qualifyingPoints()).as("spending does not cost tier progress").isEqualTo(500);
        assertThat(fixtures.sums(member.id())).isEqualTo(new LedgerSums(500, 200, 2));
    }

    @Test
    void a_member_short_of_points_is_refused_and_the_balance_stays() {
        earn(399);

        assertThatThrownBy(() -> loyalty.redeem(RedeemReward.of(member.id(), "tote-bag", "redeem-1")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("redeemablePoints");
                    assertThat(e.getMessage()).contains("399").contains("400");
                });
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(399);
        assertThat(loyalty.redeem(RedeemReward.of(member.id(), "coffee", "redeem-1")).redeemablePoints())
                .isEqualTo(-150);
    }

    @Test
    void the_whole_balance_can_be_spent_to_zero() {
        earn(400);

        loyalty.redeem(RedeemReward.of(member.id(), "tote-bag", "redeem-1"));

        assertThat(loyalty.membership(member.id()).redeemablePoints()).isZero();
    }

    @Test
    void a_retried_redemption_returns_the_first_entry_even_after_the_price_changed_and_spends_once() {
        earn(500);
        LedgerEntry first = loyalty.redeem(RedeemReward.of(member.id(), "coffee", "redeem-1"));
        fixtures.rewards.add(new CatalogueReward("coffee", 175));
        fixtures.rewards.remove("tote-bag");

        assertThat(loyalty.redeem(RedeemReward.of(member.id(), "coffee", "redeem-1"))).isEqualTo(first);
        assertThatThrownBy(() -> loyalty.redeem(new RedeemReward(member.id(), "coffee", 2, "redeem-1")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> loyalty.redeem(RedeemReward.of(member.id(), "tote-bag", "redeem-1")))
                .isInstanceOf(ConflictException.class);
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(350);
        assertThat(fixtures.sums(member.id())).isEqualTo(new LedgerSums(500, 350, 2));
    }

    @Test
    void a_reward_the_catalogue_does_not_offer_and_bad_commands_name_the_field() {
        earn(500);

        assertThatThrownBy(() -> loyalty.redeem(RedeemReward.of(member.id(), "yacht", "redeem-1")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("rewardCode"));
        assertThatThrownBy(() -> new RedeemReward(member.id(), "coffee", 0, "k"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> new RedeemReward(member.id(), "coffee", 101, "k"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> RedeemReward.of(member.id(), " ", "k"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("rewardCode"));
        assertThatThrownBy(() -> new CatalogueReward("coffee", 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("points"));
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(500);
    }

    @Test
    void a_suspended_or_unknown_membership_redeems_nothing() {
        earn(500);
        loyalty.suspend(member.id());

        assertThatThrownBy(() -> loyalty.redeem(RedeemReward.of(member.id(), "coffee", "redeem-1")))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> loyalty.redeem(RedeemReward.of(UUID.randomUUID(), "coffee", "redeem-2")))
                .isInstanceOf(NotFoundException.class);
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(500);
    }
}
