package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.common.Money;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.TierBasis;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TierTest {
    private static final TierRules CLUB_TIERS = TierRules.onQualifyingPoints(12,
            Tier.of("silver", "Silver", 1_000),
            Tier.of("gold", "Gold", 5_000, "free-shipping"),
            Tier.of("platinum", "Platinum", 20_000, "free-shipping", "lounge"));

    private final StoredCatalogueFixtures fixtures = new StoredCatalogueFixtures();
    private final TierService tiers = fixtures.tiers();

    private static Instant monthsAfter(Instant at, int months) {
        return at.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    private void moveClockTo(Instant at) {
        fixtures.clock.advance(Duration.between(fixtures.clock.instant(), at));
    }

    private String tierOf(Membership member) {
        return tiers.memberTier(member.id()).tierCode();
    }

    @Test
    void tiers_are_defined_at_version_one_a_retry_returns_them_and_other_tiers_are_a_conflict() {
        TierScheme defined = tiers.defineTiers(DefineTiers.of("club", CLUB_TIERS));

        assertThat(defined.version()).isEqualTo(1);
        assertThat(defined.rules()).isEqualTo(CLUB_TIERS);
        assertThat(tiers.tiers("club")).isEqualTo(defined);
        assertThat(tiers.defineTiers(DefineTiers.of("club", CLUB_TIERS))).isEqualTo(defined);
        assertThatThrownBy(() -> tiers.defineTiers(DefineTiers.of("club", TierRules.onAccruals(12,
                Tier.of("regular", "Regular", 3))))).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.retryable()).isFalse());
        assertThat(fixtures.events("loyalty.tiers.defined")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("\"tiers\":3"));
        assertThatThrownBy(() -> tiers.tiers("shop")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_revision_replaces_the_tiers_at_the_next_version_over_the_version_read_and_a_retry_records_nothing() {
        tiers.defineTiers(DefineTiers.of("club", CLUB_TIERS));
        TierRules fewer = TierRules.onAccruals(6, Tier.of("regular", "Regular", 3, "coffee-refill"));

        TierScheme revised = tiers.reviseTiers(ReviseTiers.of("club", 1, fewer));

        assertThat(revised.version()).isEqualTo(2);
        assertThat(tiers.tiers("club").rules()).isEqualTo(fewer);
        assertThat(tiers.reviseTiers(ReviseTiers.of("club", 1, fewer))).isEqualTo(revised);
        assertThatThrownBy(() -> tiers.reviseTiers(ReviseTiers.of("club", 1, CLUB_TIERS)))
                .isInstanceOf(ConflictException.class);
        assertThat(tiers.tiers("club").version()).isEqualTo(2);
        assertThatThrownBy(() -> tiers.reviseTiers(ReviseTiers.of("shop", 1, fewer)))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixtures.events("loyalty.tiers.revised")).hasSize(1);
    }

    @Test
    void tier_rules_name_the_field_they_break() {
        assertThatThrownBy(() -> TierRules.onQualifyingPoints(12, Tier.of("gold", "Gold", 5_000),
                Tier.of("silver", "Silver", 1_000))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("tiers[1].threshold"));
        assertThatThrownBy(() -> TierRules.onQualifyingPoints(0, Tier.of("gold", "Gold", 5_000)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("windowMonths"));
        assertThatThrownBy(() -> TierRules.onQualifyingPoints(12)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("tiers"));
        assertThatThrownBy(() -> Tier.of("gold", "Gold", 0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("threshold"));
        assertThatThrownBy(() -> Tier.of("gold", "Gold", 1, "lounge", "lounge"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("benefits"));
        assertThatThrownBy(() -> new TierRules(null, 12, List.of(Tier.of("gold", "Gold", 1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("basis"));
    }

    @Test
    void a_member_who_never_reached_a_tier_holds_none_and_no_benefits() {
        tiers.defineTiers(DefineTiers.of("club", CLUB_TIERS));
        Membership member = fixtures.member();
        fixtures.earn(member, 999);

        MemberTier tier = tiers.memberTier(member.id());

        assertThat(tier.tier()).isEmpty();
        assertThat(tier.tierCode()).isNull();
        assertThat(tier.benefits()).isEmpty();
        assertThat(tier.reviewAt()).isNull();
        assertThat(tiers.tierHistory(member.id(), 10)).isEmpty();
        assertThatThrownBy(() -> tiers.memberTier(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_posting_that_reaches_a_threshold_upgrades_the_member_at_once_with_an_event_and_history() {
        tiers.defineTiers(DefineTiers.of("club", CLUB_TIERS));
        Membership member = fixtures.member();
        fixtures.earn(member, 999);

        fixtures.earn(member, 1);

        MemberTier silver = tiers.memberTier(member.id());
        assertThat(silver.tierCode()).isEqualTo("silver");
        assertThat(silver.since()).isEqualTo(StoredCatalogueFixtures.START);
        assertThat(silver.reviewAt()).isEqualTo(monthsAfter(StoredCatalogueFixtures.START, 12));
        assertThat(tiers.tierHistory(member.id(), 10)).singleElement().satisfies(c -> {
            assertThat(c.fromTier()).isNull();
            assertThat(c.toTier()).isEqualTo("silver");
            assertThat(c.measure()).isEqualTo(1_000);
            assertThat(c.schemeVersion()).isEqualTo(1);
        });
        assertThat(fixtures.events("loyalty.tier.upgraded")).singleElement().satisfies(e -> {
            assertThat(e.aggregateId()).isEqualTo(member.id().toString());
            assertThat(e.payload()).contains("\"toTier\":\"silver\"").contains("\"measure\":1000");
        });

        fixtures.clock.advance(Duration.ofDays(30));
        fixtures.earn(member, 4_000);

        MemberTier gold = tiers.memberTier(member.id());
        assertThat(gold.tierCode()).isEqualTo("gold");
        assertThat(gold.benefits()).containsExactly("free-shipping");
        assertThat(gold.tier().orElseThrow().grants("lounge")).isFalse();
        assertThat(gold.reviewAt()).as("an upgrade starts a new window")
                .isEqualTo(monthsAfter(fixtures.clock.instant(), 12));
        assertThat(tiers.tierHistory(member.id(), 10)).extracting(TierChange::toTier).containsExactly("silver", "gold");
        assertThat(tiers.tierHistory(member.id(), 1)).extracting(TierChange::toTier).containsExactly("gold");
    }

    @Test
    void one_posting_past_several_thresholds_lands_on_the_highest_reached_in_one_upgrade() {
        tiers.defineTiers(DefineTiers.of("club", CLUB_TIERS));
        Membership member = fixtures.member();

        fixtures.earn(member, 20_000);

        assertThat(tierOf(member)).isEqualTo("platinum");
        assertThat(tiers.tierHistory(member.id(), 10)).singleElement()
                .satisfies(c -> assertThat(c.fromTier()).isNull());
    }

    @Test
    void a_posting_never_moves_a_member_down_and_spending_costs_no_tier() {
        tiers.defineTiers(DefineTiers.of("club", CLUB_TIERS));
        Membership member = fixtures.member();
        fixtures.earn(member, 5_000);

        fixtures.loyalty().post(PostPoints.adjustment(member.id(), -4_500, 0, "service.correction", "fix-1"));

        assertThat(tierOf(member)).isEqualTo("gold");
        assertThat(tiers.tierHistory(member.id(), 10)).hasSize(1);
    }

    @Test
    void only_points_posted_in_the_rolling_window_count() {
        tiers.defineTiers(DefineTiers.of("club", CLUB_TIERS));
        Membership recent = fixtures.member();
        Membership lapsed = fixtures.member();
        fixtures.earn(recent, 800);
        fixtures.earn(lapsed, 800);

        moveClockTo(monthsAfter(StoredCatalogueFixtures.START, 12).minusSeconds(1));
        fixtures.earn(recent, 200);
        moveClockTo(monthsAfter(StoredCatalogueFixtures.START, 12));
        fixtures.earn(lapsed, 200);

        assertThat(tierOf(recent)).isEqualTo("silver");
        assertThat(tierOf(lapsed)).as("a posting exactly one window back is out of it").isNull();
    }

    @Test
    void tiers_on_accruals_count_each_accrual_in_the_window_not_its_points() {
        tiers.defineTiers(DefineTiers.of("club", TierRules.onAccruals(12, Tier.of("regular", "Regular", 3),
                Tier.of("frequent", "Frequent", 10))));
        Membership member = fixtures.member();
        fixtures.earn(member, 1);
        fixtures.earn(member, 2);
        fixtures.loyalty().post(PostPoints.adjustment(member.id(), 500, 500, "service.goodwill", "goodwill-1"));
        assertThat(tierOf(member)).as("an adjustment is no activity").isNull();

        fixtures.earn(member, 1);

        assertThat(tierOf(member)).isEqualTo("regular");
        assertThat(tiers.tiers("club").rules().basis()).isEqualTo(TierBasis.ACCRUALS);
    }

    @Test
    void a_programme_without_tiers_leaves_its_members_without_one() {
        Membership member = fixtures.member();

        fixtures.earn(member, 50_000);

        assertThat(tierOf(member)).isNull();
        assertThat(fixtures.storage.capability(LoyaltyStorage.class).orElseThrow().memberTiers()
                .get(StoredCatalogueFixtures.TENANT, member.id())).isEmpty();
    }

    @Test
    void the_review_one_window_on_downgrades_a_member_to_the_tier_the_window_reaches() {
        tiers.defineTiers(DefineTiers.of("club", CLUB_TIERS));
        Membership member = fixtures.member();
        fixtures.earn(member, 5_000);
        moveClockTo(monthsAfter(StoredCatalogueFixtures.START, 6));
        fixtures.earn(member, 1_200);

        moveClockTo(monthsAfter(StoredCatalogueFixtures.START, 12).minusSeconds(1));
        fixtures.runDueWork();
        assertThat(tierOf(member)).as("not due yet").isEqualTo("gold");
        moveClockTo(monthsAfter(StoredCatalogueFixtures.START, 12).plusSeconds(30));
        fixtures.runDueWork();

        MemberTier after = tiers.memberTier(member.id());
        assertThat(after.tierCode()).isEqualTo("silver");
        assertThat(after.reviewAt()).isEqualTo(monthsAfter(fixtures.clock.instant(), 12));
        assertThat(tiers.tierHistory(member.id(), 10)).last().satisfies(c -> {
            assertThat(c.fromTier()).isEqualTo("gold");
            assertThat(c.toTier()).isEqualTo("silver");
            assertThat(c.measure()).isEqualTo(1_200);
        });
        assertThat(fixtures.events("loyalty.tier.downgraded")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("\"fromTier\":\"gold\"", "\"toTier\":\"silver\""));
        fixtures.runDueWork();
        assertThat(tiers.tierHistory(member.id(), 10)).as("each review runs once").hasSize(2);
    }

    @Test
    void a_member_who_reaches_nothing_at_the_review_loses_the_tier_and_is_not_reviewed_again() {
        tiers.defineTiers(DefineTiers.of("club", CLUB_TIERS));
        Membership member = fixtures.member();
        fixtures.earn(member, 1_000);

        moveClockTo(monthsAfter(StoredCatalogueFixtures.START, 12));
        fixtures.runDueWork();

        MemberTier after = tiers.memberTier(member.id());
        assertThat(after.tierCode()).isNull();
        assertThat(after.since()).isNull();
        assertThat(after.reviewAt()).isNull();
        assertThat(fixtures.storage.dueWork().find(StoredCatalogueFixtures.TENANT, TierService.REVIEW,
                member.id().toString())).isEmpty();
        assertThat(fixtures.events("loyalty.tier.downgraded")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("\"toTier\":null", "\"reviewAt\":null"));
    }

    @Test
    void a_member_still_reaching_the_tier_keeps_it_for_another_window() {
        tiers.defineTiers(DefineTiers.of("club", CLUB_TIERS));
        Membership member = fixtures.member();
        fixtures.earn(member, 5_000);
        moveClockTo(monthsAfter(StoredCatalogueFixtures.START, 11));
        fixtures.earn(member, 5_000);

        moveClockTo(monthsAfter(StoredCatalogueFixtures.START, 12));
        fixtures.runDueWork();

        MemberTier kept = tiers.memberTier(member.id());
        assertThat(kept.tierCode()).isEqualTo("gold");
        assertThat(kept.since()).isEqualTo(StoredCatalogueFixtures.START);
        assertThat(kept.reviewAt()).isEqualTo(monthsAfter(StoredCatalogueFixtures.START, 24));
        assertThat(tiers.tierHistory(member.id(), 10)).hasSize(1);
        assertThat(fixtures.events("loyalty.tier.retained")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("\"tier\":\"gold\"", "\"measure\":5000"));
    }

    @Test
    void an_upgrade_moves_the_review_on_so_the_review_first_due_does_nothing() {
        tiers.defineTiers(DefineTiers.of("club", CLUB_TIERS));
        Membership member = fixtures.member();
        fixtures.earn(member, 5_000);
        moveClockTo(monthsAfter(StoredCatalogueFixtures.START, 6));
        fixtures.earn(member, 15_000);

        moveClockTo(monthsAfter(StoredCatalogueFixtures.START, 12));
        assertThat(fixtures.crm.scheduler().runDueWork().claimed()).as("the review was moved on").isZero();
        // a review of the first window arriving late all the same (say, from a node whose claim ran out)
        Instant firstReview = monthsAfter(StoredCatalogueFixtures.START, 12);
        fixtures.storage.dueWork().schedule(DueWorkRecord.of(StoredCatalogueFixtures.TENANT, UUID.randomUUID(),
                TierService.REVIEW, member.id().toString(), firstReview, firstReview.toString()));
        fixtures.runDueWork();

        assertThat(tierOf(member)).isEqualTo("platinum");
        assertThat(tiers.memberTier(member.id()).reviewAt())
                .isEqualTo(monthsAfter(StoredCatalogueFixtures.START, 18));
        assertThat(tiers.tierHistory(member.id(), 10)).extracting(TierChange::toTier)
                .containsExactly("gold", "platinum");
    }

    @Test
    void a_tier_revised_away_counts_as_none_so_the_next_posting_moves_the_member_to_what_they_reach() {
        tiers.defineTiers(DefineTiers.of("club", CLUB_TIERS));
        Membership member = fixtures.member();
        fixtures.earn(member, 5_000);
        tiers.reviseTiers(ReviseTiers.of("club", 1, TierRules.onQualifyingPoints(12,
                Tier.of("bronze", "Bronze", 100), Tier.of("black", "Black", 50_000))));
        assertThat(tiers.memberTier(member.id()).tier()).as("gold is no tier of the scheme now").isEmpty();

        fixtures.earn(member, 1);

        assertThat(tierOf(member)).isEqualTo("bronze");
        assertThat(tiers.tierHistory(member.id(), 10)).last().satisfies(c -> {
            assertThat(c.fromTier()).isEqualTo("gold");
            assertThat(c.schemeVersion()).isEqualTo(2);
        });
    }

    @Test
    void the_members_tier_bonus_applies_to_what_an_order_earns() {
        tiers.defineTiers(DefineTiers.of("club", CLUB_TIERS));
        fixtures.loyalty().defineProgramme(DefineProgramme.of("club", ProgrammeRules.earning("EUR", "1")
                .withTierBonus("gold", "1.5")));
        Membership member = fixtures.member();
        Purchase order = fixtures.purchases().record(RecordPurchase.of(member.customerId(), "ORD-1", "web",
                StoredCatalogueFixtures.START, PurchaseLine.of("sku-shirt", 1, Money.of("100.00", "EUR"))
                        .inCategory("apparel")));
        PurchasePoints before = fixtures.loyalty().pointsFor(order.id(), "club");

        fixtures.earn(member, 5_000);
        PurchasePoints after = fixtures.loyalty().pointsFor(order.id(), "club");

        assertThat(before.lines().get(0).redeemablePoints()).isEqualTo(100);
        assertThat(after.lines().get(0).redeemablePoints()).isEqualTo(150);
        assertThat(after.lines().get(0).qualifyingPoints()).as("the bonus buys no tier progress").isEqualTo(100);
        assertThat(after.lines().get(0).reasons()).extracting(PointsReason::rule).contains("tier");
    }

    @Test
    void a_posting_keeps_the_tier_scheme_it_read_until_another_node_revises_it_and_then_earns_under_the_revision() {
        tiers.defineTiers(DefineTiers.of("club", CLUB_TIERS));
        Membership member = fixtures.member();
        fixtures.earn(member, 500); // this node now keeps the scheme at version 1
        Crm otherNode = Crm.builder().storage(fixtures.storage).clock(fixtures.clock)
                .ids(IdGenerator.timeOrdered(fixtures.clock)).build();
        otherNode.tenant(StoredCatalogueFixtures.TENANT).service(TierService.class).reviseTiers(ReviseTiers.of("club",
                1, TierRules.onQualifyingPoints(12, Tier.of("silver", "Silver", 600))));

        fixtures.earn(member, 100);

        assertThat(tierOf(member)).as("silver at 600 under the revision; at 1,000 under the kept scheme")
                .isEqualTo("silver");
        assertThat(tiers.tierHistory(member.id(), 10)).singleElement()
                .satisfies(change -> assertThat(change.schemeVersion()).isEqualTo(2));
    }
}
