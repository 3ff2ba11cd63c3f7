package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.port.CatalogueReward;
import dev.crmkit.core.port.InMemoryRewardCatalogue;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewardCatalogueTest {
    private static final Instant START = StoredCatalogueFixtures.START;

    private final StoredCatalogueFixtures fixtures = new StoredCatalogueFixtures();
    private final RewardService rewards = fixtures.rewards();
    private final LoyaltyService loyalty = fixtures.loyalty();

    private Membership memberWith(long points) {
        Membership member = fixtures.member();
        fixtures.earn(member, points);
        return member;
    }

    private LedgerSums sums(Membership member) {
        return fixtures.storage.capability(LoyaltyStorage.class).orElseThrow().ledger()
                .sums(StoredCatalogueFixtures.TENANT, member.id());
    }

    @Test
    void a_reward_is_offered_at_version_one_a_retry_returns_it_and_other_terms_are_a_conflict() {
        RewardTerms coffee = RewardTerms.of("Coffee to go", 150).withStock(500L);

        Reward offered = rewards.offer(OfferReward.of("coffee", coffee));

        assertThat(offered.version()).isEqualTo(1);
        assertThat(offered.terms()).isEqualTo(coffee);
        assertThat(rewards.reward("coffee")).isEqualTo(offered);
        assertThat(rewards.offer(OfferReward.of("coffee", coffee))).isEqualTo(offered);
        assertThatThrownBy(() -> rewards.offer(OfferReward.of("coffee", coffee.withStock(10L))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(fixtures.events("loyalty.reward.offered")).singleElement().satisfies(e -> {
            assertThat(e.aggregateId()).isEqualTo(offered.id().toString());
            assertThat(e.payload()).contains("\"stock\":500").doesNotContain("Coffee to go");
        });
        assertThatThrownBy(() -> rewards.reward("tea")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_revision_replaces_the_terms_over_the_version_read_and_a_retry_records_nothing() {
        rewards.offer(OfferReward.of("coffee", RewardTerms.of("Coffee to go", 150)));
        RewardTerms dearer = RewardTerms.of("Coffee to go", 175).withStock(20L);

        Reward revised = rewards.revise(ReviseReward.of("coffee", 1, dearer));

        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.terms()).isEqualTo(dearer);
        assertThat(rewards.revise(ReviseReward.of("coffee", 1, dearer))).isEqualTo(revised);
        assertThatThrownBy(() -> rewards.revise(ReviseReward.of("coffee", 1, dearer.withStock(5L))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> rewards.revise(ReviseReward.of("tea", 1, dearer)))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixtures.events("loyalty.reward.revised")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("\"version\":2", "\"points\":175"));
    }

    @Test
    void terms_name_the_field_they_break() {
        assertThatThrownBy(() -> RewardTerms.of("Coffee", 0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("points"));
        assertThatThrownBy(() -> RewardTerms.of("", 10)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> RewardTerms.of("Coffee", 10).withStock(-1L))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stock"));
        assertThatThrownBy(() -> RewardTerms.of("Coffee", 10).withWindow(START, START))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("validUntil"));
        assertThatThrownBy(() -> OfferReward.of("x".repeat(101), RewardTerms.of("Coffee", 10)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("code"));
    }

    @Test
    void the_catalogue_pages_by_code() {
        for (String code : List.of("tote-bag", "coffee", "lounge", "cap", "mug")) {
            rewards.offer(OfferReward.of(code, RewardTerms.of("Reward " + code, 100)));
        }
        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (true) {
            Page<Reward> page = rewards.rewards(request);
            page.items().forEach(r -> seen.add(r.code()));
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }
        assertThat(seen).containsExactly("cap", "coffee", "lounge", "mug", "tote-bag");
    }

    @Test
    void a_redemption_from_the_stored_catalogue_spends_its_cost_and_takes_from_its_stock_in_one_unit() {
        Reward coffee = rewards.offer(OfferReward.of("coffee", RewardTerms.of("Coffee to go", 150).withStock(5L)));
        Membership member = memberWith(1_000);

        LedgerEntry entry = loyalty.redeem(new RedeemReward(member.id(), "coffee", 2, "redeem-1"));

        assertThat(entry.redeemablePoints()).isEqualTo(-300);
        assertThat(rewards.reward("coffee").terms().stock()).isEqualTo(3L);
        assertThat(rewards.reward("coffee").version()).isEqualTo(2);
        assertThat(fixtures.events("loyalty.reward.redeemed")).singleElement().satisfies(e -> {
            assertThat(e.aggregateId()).isEqualTo(coffee.id().toString());
            assertThat(e.payload()).contains("\"quantity\":2", "\"stockLeft\":3", entry.id().toString());
        });
        assertThat(loyalty.redeem(new RedeemReward(member.id(), "coffee", 2, "redeem-1"))).as("a retry")
                .isEqualTo(entry);
        assertThat(rewards.reward("coffee").terms().stock()).as("taken once").isEqualTo(3L);
    }

    @Test
    void a_redemption_of_more_than_the_stock_left_is_refused_and_changes_nothing() {
        rewards.offer(OfferReward.of("coffee", RewardTerms.of("Coffee to go", 150).withStock(2L)));
        Membership member = memberWith(1_000);

        assertThatThrownBy(() -> loyalty.redeem(new RedeemReward(member.id(), "coffee", 3, "redeem-1")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("stock");
                    assertThat(e.getMessage()).contains("2 left").contains("3 asked");
                });

        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(1_000);
        assertThat(sums(member)).isEqualTo(new LedgerSums(1_000, 1_000, 1));
        assertThat(rewards.reward("coffee").terms().stock()).isEqualTo(2L);
        loyalty.redeem(new RedeemReward(member.id(), "coffee", 2, "redeem-2"));
        assertThat(rewards.reward("coffee").terms().stock()).as("the last ones can go").isZero();
        assertThatThrownBy(() -> loyalty.redeem(RedeemReward.of(member.id(), "coffee", "redeem-3")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stock"));
    }

    @Test
    void a_reward_without_a_stock_limit_is_redeemed_without_touching_it() {
        rewards.offer(OfferReward.of("lounge", RewardTerms.of("Lounge pass", 400)));
        Membership member = memberWith(1_000);

        loyalty.redeem(new RedeemReward(member.id(), "lounge", 2, "redeem-1"));

        assertThat(rewards.reward("lounge").version()).isEqualTo(1);
        assertThat(rewards.reward("lounge").terms().stock()).isNull();
        assertThat(fixtures.events("loyalty.reward.redeemed")).isEmpty();
        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(200);
    }

    @Test
    void a_reward_is_redeemed_only_inside_its_window_from_inclusive_until_exclusive() {
        Instant from = START.plus(Duration.ofDays(1));
        Instant until = from.plus(Duration.ofDays(7));
        rewards.offer(OfferReward.of("xmas-mug", RewardTerms.of("Mug", 100).withWindow(from, until)));
        Membership member = memberWith(1_000);

        fixtures.clock.advance(Duration.between(START, from).minusSeconds(1));
        assertThatThrownBy(() -> loyalty.redeem(RedeemReward.of(member.id(), "xmas-mug", "early")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("rewardCode"));
        fixtures.clock.advance(Duration.ofSeconds(1));
        loyalty.redeem(RedeemReward.of(member.id(), "xmas-mug", "on-time"));
        fixtures.clock.advance(Duration.between(from, until).minusNanos(1_000));
        loyalty.redeem(RedeemReward.of(member.id(), "xmas-mug", "last-moment"));
        fixtures.clock.advance(Duration.ofNanos(1_000));
        assertThatThrownBy(() -> loyalty.redeem(RedeemReward.of(member.id(), "xmas-mug", "late")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("rewardCode"));

        assertThat(loyalty.membership(member.id()).redeemablePoints()).isEqualTo(800);
    }

    @Test
    void a_host_catalogue_replaces_the_stored_one_which_redemptions_then_neither_ask_nor_take_from() {
        InMemoryRewardCatalogue host = new InMemoryRewardCatalogue().add(new CatalogueReward("coffee", 90));
        Crm crm = Crm.builder().storage(fixtures.storage).clock(fixtures.clock)
                .module(LoyaltyModule.builder().rewardCatalogue(host).build()).build();
        rewards.offer(OfferReward.of("coffee", RewardTerms.of("Coffee to go", 150).withStock(1L)));
        rewards.offer(OfferReward.of("tea", RewardTerms.of("Tea", 50)));
        Membership member = memberWith(1_000);
        LoyaltyService hosted = crm.tenant(StoredCatalogueFixtures.TENANT).service(LoyaltyService.class);

        hosted.redeem(new RedeemReward(member.id(), "coffee", 2, "redeem-1"));

        assertThat(hosted.membership(member.id()).redeemablePoints()).isEqualTo(820);
        assertThat(rewards.reward("coffee").terms().stock()).isEqualTo(1L);
        assertThatThrownBy(() -> hosted.redeem(RedeemReward.of(member.id(), "tea", "redeem-2")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("rewardCode"));
    }
}
