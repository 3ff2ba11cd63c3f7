package dev.crmkit.core.loyalty;

import static dev.crmkit.core.loyalty.LoyaltyFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.NotPermittedException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.loyalty.LedgerSums;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ProgrammeTest {
    private final LoyaltyFixtures fixtures = new LoyaltyFixtures();
    private final LoyaltyService loyalty = fixtures.loyalty();

    /** A euro per point, double on apparel, web orders 1.5, a December promotion on shoes, gold 25 % more, awards. */
    static ProgrammeRules clubRules() {
        return ProgrammeRules.earning("EUR", "1")
                .withReturnWindowDays(30)
                .withCategory("apparel", "2")
                .withCategory("gift-cards", "0")
                .withChannel("web", "1.5")
                .withPromotion(Promotion.of("shoe-week", "3", START, START.plus(Duration.ofDays(7)))
                        .onCategory("shoes"))
                .withPromotion(Promotion.of("spring", "1.1", START.minus(Duration.ofDays(1)),
                        START.plus(Duration.ofDays(30))))
                .withTierBonus("gold", "1.25")
                .withActivity("review", new ActivityAward(0, 50))
                .withActivity("visit", ActivityAward.of(10));
    }

    @Test
    void a_defined_programme_reads_back_with_its_rules_at_version_one_and_records_its_event() {
        // when
        Programme club = loyalty.defineProgramme(DefineProgramme.of("club", clubRules()));

        // then
        assertThat(club.version()).isEqualTo(1);
        assertThat(club.rules()).isEqualTo(clubRules());
        assertThat(club.rules().categoryMultipliers()).containsEntry("apparel", new BigDecimal("2.0000"));
        assertThat(club.rules().promotions()).extracting(Promotion::code).containsExactly("shoe-week", "spring");
        assertThat(loyalty.programme("club")).isEqualTo(club);
        assertThat(club.definedAt()).isEqualTo(START);
        assertThat(fixtures.publishAll()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("loyalty.programme.defined");
            assertThat(e.payload()).contains("\"code\":\"club\"", "\"version\":1", "\"rules\":8");
        });
    }

    @Test
    void defining_a_programme_again_with_its_rules_returns_it_and_with_other_rules_is_a_conflict() {
        Programme club = loyalty.defineProgramme(DefineProgramme.of("club", clubRules()));

        assertThat(loyalty.defineProgramme(DefineProgramme.of("club", clubRules()))).isEqualTo(club);
        assertThatThrownBy(() -> loyalty.defineProgramme(DefineProgramme.of("club",
                clubRules().withChannel("web", "2"))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(loyalty.programme("club")).isEqualTo(club);
        assertThat(fixtures.outboxTypes()).containsExactly("loyalty.programme.defined");
    }

    @Test
    void a_revision_replaces_the_rules_whole_at_the_next_version() {
        Programme club = loyalty.defineProgramme(DefineProgramme.of("club", clubRules()));
        fixtures.clock.advance(Duration.ofHours(1));
        ProgrammeRules fewer = ProgrammeRules.earning("EUR", "2").withActivity("referral", ActivityAward.of(500));

        Programme revised = loyalty.reviseProgramme(ReviseProgramme.of("club", 1, fewer));

        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.id()).isEqualTo(club.id());
        assertThat(revised.rules()).isEqualTo(fewer);
        assertThat(revised.definedAt()).isEqualTo(START);
        assertThat(revised.revisedAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(loyalty.programme("club")).isEqualTo(revised);
        assertThat(fixtures.publishAll()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("loyalty.programme.revised");
            assertThat(e.payload()).contains("\"version\":2", "\"rules\":1");
        });
    }

    @Test
    void a_revision_over_a_stale_version_is_a_conflict_and_a_retried_one_changes_nothing() {
        loyalty.defineProgramme(DefineProgramme.of("club", clubRules()));
        ProgrammeRules mine = clubRules().withChannel("store", "1.2");
        Programme revised = loyalty.reviseProgramme(ReviseProgramme.of("club", 1, mine));

        // a retry after a lost answer: the same rules over the version read before
        assertThat(loyalty.reviseProgramme(ReviseProgramme.of("club", 1, mine))).isEqualTo(revised);
        // another administrator's revision over the version both read
        assertThatThrownBy(() -> loyalty.reviseProgramme(ReviseProgramme.of("club", 1, clubRules())))
                .isInstanceOf(ConflictException.class);
        assertThat(loyalty.programme("club")).isEqualTo(revised);
        assertThat(fixtures.outboxTypes()).containsExactly("loyalty.programme.defined", "loyalty.programme.revised");
    }

    @Test
    void an_unknown_programme_is_not_found() {
        assertThatThrownBy(() -> loyalty.programme("club")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> loyalty.reviseProgramme(ReviseProgramme.of("club", 1, clubRules())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void bad_rules_are_refused_naming_the_field() {
        ProgrammeRules base = ProgrammeRules.earning("EUR", "1");
        assertField(() -> ProgrammeRules.earning("eur", "1"), "currency");
        assertField(() -> ProgrammeRules.earning("EUR", "one"), "perUnit");
        assertField(() -> ProgrammeRules.earning("EUR", "1000.0001"), "qualifyingPerUnit");
        assertField(() -> base.withRates(BigDecimal.ONE, new BigDecimal("-1")), "redeemablePerUnit");
        assertField(() -> base.withRates(new BigDecimal("0.00001"), BigDecimal.ONE), "qualifyingPerUnit");
        assertField(() -> base.withReturnWindowDays(366), "returnWindowDays");
        assertField(() -> base.withReturnWindowDays(-1), "returnWindowDays");
        assertField(() -> base.withCategory("apparel", "100.0001"), "categoryMultipliers[apparel]");
        assertField(() -> base.withChannel("web", "-0.5"), "channelMultipliers[web]");
        assertField(() -> base.withTierBonus("gold", "1.00001"), "tierBonuses[gold]");
        assertField(() -> base.withCategory(" ", "2"), "key");
        assertField(() -> Promotion.of("xmas", "2", START, START), "until");
        assertField(() -> Promotion.of(" ", "2", START, START.plusSeconds(1)), "code");
        assertField(() -> base.withPromotion(Promotion.of("xmas", "2", START, START.plusSeconds(1)))
                .withPromotion(Promotion.of("xmas", "3", START, START.plusSeconds(1))), "promotions[1].code");
        assertField(() -> new ActivityAward(0, 0), "points");
        assertField(() -> new ActivityAward(-1, 5), "points");
        assertField(() -> ActivityAward.of(ActivityAward.MAX_POINTS + 1), "points");
        assertField(() -> base.withActivity("x".repeat(ProgrammeRules.MAX_ACTIVITY_CODE + 1), ActivityAward.of(1)),
                "activity");
        assertField(() -> new ProgrammeRules("EUR", BigDecimal.ONE, BigDecimal.ONE, 0, Map.of(), Map.of(),
                List.of(), Map.of(), Map.of("x".repeat(ProgrammeRules.MAX_ACTIVITY_CODE + 1), ActivityAward.of(1))),
                "activities");
        java.util.Map<String, BigDecimal> many = new java.util.HashMap<>();
        for (int i = 0; i <= ProgrammeRules.MAX_RULES; i++) {
            many.put("c" + i, BigDecimal.ONE);
        }
        assertField(() -> new ProgrammeRules("EUR", BigDecimal.ONE, BigDecimal.ONE, 0, many, Map.of(), List.of(),
                Map.of(), Map.of()), "rules");
        // the limit counts the rules of every kind together
        assertThat(rulesOfEveryKind(100).categoryMultipliers()).hasSize(100);
        assertField(() -> rulesOfEveryKind(100).withActivity("one-more", ActivityAward.of(1)), "rules");
        assertField(() -> DefineProgramme.of(" ", base), "code");
        assertField(() -> ReviseProgramme.of("club", 0, base), "expectedVersion");
        assertThat(fixtures.outboxTypes()).isEmpty();
    }

    @Test
    void a_rule_set_at_the_limits_is_accepted() {
        ProgrammeRules edge = ProgrammeRules.earning("EUR", "1000").withReturnWindowDays(365)
                .withCategory("apparel", "100").withChannel("web", "0")
                .withActivity("x".repeat(ProgrammeRules.MAX_ACTIVITY_CODE), ActivityAward.of(ActivityAward.MAX_POINTS));

        assertThat(loyalty.defineProgramme(DefineProgramme.of("edge", edge)).rules()).isEqualTo(edge);
    }

    @Test
    void an_activity_awards_the_programmes_points_once_per_key() {
        // given
        loyalty.defineProgramme(DefineProgramme.of("club", clubRules()));
        UUID anna = fixtures.customer();
        Membership member = loyalty.enrol(EnrolMember.of(anna, "club"));

        // when
        LedgerEntry review = loyalty.award(AwardActivity.of(member.id(), "review", "rev-1", "award-1"));
        LedgerEntry visit = loyalty.award(AwardActivity.of(member.id(), "visit", null, "award-2"));

        // then
        assertThat(review.kind()).isEqualTo(LedgerEntryKind.ACCRUAL);
        assertThat(review.sourceType()).isEqualTo("activity.review");
        assertThat(review.sourceReference()).isEqualTo("rev-1");
        assertThat(review.qualifyingPoints()).isZero();
        assertThat(review.redeemablePoints()).isEqualTo(50);
        assertThat(visit.qualifyingPoints()).isEqualTo(10);
        Membership after = loyalty.membership(member.id());
        assertThat(after.qualifyingPoints()).isEqualTo(10);
        assertThat(after.redeemablePoints()).isEqualTo(60);
        assertThat(fixtures.sums(member.id())).isEqualTo(new LedgerSums(10, 60, 2));

        // a retry answers with the first entry, even after the award changed
        loyalty.reviseProgramme(ReviseProgramme.of("club", 1, clubRules().withActivity("review", ActivityAward.of(99))));
        assertThat(loyalty.award(AwardActivity.of(member.id(), "review", "rev-1", "award-1"))).isEqualTo(review);
        assertThat(fixtures.sums(member.id())).isEqualTo(new LedgerSums(10, 60, 2));
        assertThatThrownBy(() -> loyalty.award(AwardActivity.of(member.id(), "review", "rev-2", "award-1")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isFalse());
        assertThatThrownBy(() -> loyalty.award(AwardActivity.of(member.id(), "visit", "rev-1", "award-1")))
                .isInstanceOf(ConflictException.class);
        assertThat(loyalty.award(AwardActivity.of(member.id(), "review", "rev-2", "award-3")).redeemablePoints())
                .isEqualTo(99);
        assertThat(fixtures.outboxTypes()).filteredOn(t -> t.equals("loyalty.membership.points-posted")).hasSize(3);
    }

    @Test
    void an_activity_the_programme_does_not_award_or_an_undefined_programme_earns_nothing() {
        UUID anna = fixtures.customer();
        Membership member = loyalty.enrol(EnrolMember.of(anna, "club"));

        assertField(() -> loyalty.award(AwardActivity.of(member.id(), "visit", null, "k-1")), "activity");
        loyalty.defineProgramme(DefineProgramme.of("club", clubRules()));
        assertField(() -> loyalty.award(AwardActivity.of(member.id(), "purchase", null, "k-1")), "activity");
        assertThat(fixtures.sums(member.id())).isEqualTo(new LedgerSums(0, 0, 0));
    }

    @Test
    void only_an_active_member_earns_activity_points() {
        loyalty.defineProgramme(DefineProgramme.of("club", clubRules()));
        Membership member = loyalty.enrol(EnrolMember.of(fixtures.customer(), "club"));
        loyalty.suspend(member.id());

        assertThatThrownBy(() -> loyalty.award(AwardActivity.of(member.id(), "visit", null, "k-1")))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> loyalty.award(AwardActivity.of(UUID.randomUUID(), "visit", null, "k-1")))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixtures.sums(member.id())).isEqualTo(new LedgerSums(0, 0, 0));
    }

    /** {@code each} rules of every kind: {@code 5 * each} in all. */
    private static ProgrammeRules rulesOfEveryKind(int each) {
        Map<String, BigDecimal> factors = new java.util.HashMap<>();
        Map<String, ActivityAward> activities = new java.util.HashMap<>();
        List<Promotion> promotions = new java.util.ArrayList<>();
        for (int i = 0; i < each; i++) {
            factors.put("k" + i, BigDecimal.ONE);
            activities.put("a" + i, ActivityAward.of(1));
            promotions.add(Promotion.of("p" + i, "1", START, START.plusSeconds(1)));
        }
        return new ProgrammeRules("EUR", BigDecimal.ONE, BigDecimal.ONE, 0, factors, factors, promotions, factors,
                activities);
    }

    private static void assertField(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
