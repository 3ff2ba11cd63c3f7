package dev.crmkit.core.loyalty;

import static dev.crmkit.core.loyalty.LoyaltyFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.spi.loyalty.PurchaseLineRecord;
import dev.crmkit.spi.loyalty.PurchaseRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EarningTest {
    private final LoyaltyFixtures fixtures = new LoyaltyFixtures();
    private final LoyaltyService loyalty = fixtures.loyalty();
    private final UUID anna = fixtures.customer();

    private Purchase order(String reference, String channel, Instant at, String currency) {
        return fixtures.purchases().record(RecordPurchase.of(anna, reference, channel, at,
                PurchaseLine.of("sku-shirt", 2, Money.of("59.90", currency)),
                PurchaseLine.of("sku-boot", 1, Money.of("80.00", currency)).inCategory("shoes"),
                PurchaseLine.of("sku-voucher", 1, Money.of("25.00", currency)).inCategory("gift-cards")));
    }

    @Test
    void each_line_earns_the_base_rate_then_each_multiplier_in_turn_and_says_what_each_added() {
        // given: the club's rules (ProgrammeTest.clubRules) and a web order in both promotions' windows
        loyalty.defineProgramme(DefineProgramme.of("club", ProgrammeTest.clubRules()));
        Purchase order = order("ORD-1", "web", START.plus(Duration.ofHours(1)), "EUR");

        // when
        PurchasePoints points = loyalty.pointsFor(order.id(), "club");

        // then
        assertThat(points.programme()).isEqualTo("club");
        assertThat(points.programmeVersion()).isEqualTo(1);
        assertThat(points.lines()).containsExactly(
                new LinePoints(1, 194, 194, List.of(
                        new PointsReason("base", null, 59, 59),
                        new PointsReason("category", "apparel", 59, 59),
                        new PointsReason("channel", "web", 59, 59),
                        new PointsReason("promotion", "spring", 17, 17))),
                new LinePoints(2, 396, 396, List.of(
                        new PointsReason("base", null, 80, 80),
                        new PointsReason("channel", "web", 40, 40),
                        new PointsReason("promotion", "shoe-week", 240, 240),
                        new PointsReason("promotion", "spring", 36, 36))),
                new LinePoints(3, 0, 0, List.of(
                        new PointsReason("base", null, 25, 25),
                        new PointsReason("category", "gift-cards", -25, -25),
                        new PointsReason("channel", "web", 0, 0),
                        new PointsReason("promotion", "spring", 0, 0))));
        assertThat(points.qualifyingPoints()).isEqualTo(590);
        assertThat(points.redeemablePoints()).isEqualTo(590);
        assertThat(fixtures.outboxTypes()).doesNotContain("loyalty.membership.points-posted");
    }

    @Test
    void promotions_apply_only_inside_their_window_and_the_channel_only_to_its_orders() {
        loyalty.defineProgramme(DefineProgramme.of("club", ProgrammeTest.clubRules()));
        Instant windowsClosed = START.plus(Duration.ofDays(30));
        Purchase order = order("ORD-1", "store-berlin", windowsClosed, "EUR");

        PurchasePoints points = loyalty.pointsFor(order.id(), "club");

        assertThat(points.lines()).extracting(LinePoints::redeemablePoints).containsExactly(118L, 80L, 0L);
        assertThat(points.lines().get(1).reasons()).containsExactly(new PointsReason("base", null, 80, 80));
    }

    @Test
    void an_order_in_another_currency_earns_nothing() {
        loyalty.defineProgramme(DefineProgramme.of("club", ProgrammeTest.clubRules()));
        Purchase order = order("ORD-1", "web", START, "CHF");

        PurchasePoints points = loyalty.pointsFor(order.id(), "club");

        assertThat(points.lines()).hasSize(3).allSatisfy(line -> {
            assertThat(line.redeemablePoints()).isZero();
            assertThat(line.reasons()).isEmpty();
        });
    }

    @Test
    void separate_rates_earn_separate_currencies_and_a_tier_bonus_adds_redeemable_points_only() {
        ProgrammeRules rules = ProgrammeRules.earning("EUR", "1")
                .withRates(new BigDecimal("2"), new BigDecimal("0.5")).withTierBonus("gold", "1.25");
        PurchaseRecord order = record(List.of(new BigDecimal("100.0000")), "web", START);

        assertThat(Earning.lines(rules, order, "gold")).containsExactly(new LinePoints(1, 200, 62, List.of(
                new PointsReason("base", null, 200, 50), new PointsReason("tier", "gold", 0, 12))));
        assertThat(Earning.lines(rules, order, null).get(0).redeemablePoints()).isEqualTo(50);
        assertThat(Earning.lines(rules, order, "silver").get(0).redeemablePoints()).isEqualTo(50);
    }

    @Test
    void an_unknown_order_or_programme_is_not_found() {
        Purchase order = order("ORD-1", "web", START, "EUR");

        assertThatThrownBy(() -> loyalty.pointsFor(order.id(), "club")).isInstanceOf(NotFoundException.class);
        loyalty.defineProgramme(DefineProgramme.of("club", ProgrammeTest.clubRules()));
        assertThatThrownBy(() -> loyalty.pointsFor(UUID.randomUUID(), "club")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_reasons_of_a_line_always_add_up_to_its_points_and_no_line_earns_below_zero() {
        qt().withExamples(300).forAll(
                lists().of(integers().between(0, 5_000_000)).ofSizeBetween(1, 5),
                lists().of(integers().between(0, 40_000)).ofSize(4),
                integers().between(0, 40_000))
                .checkAssert((cents, factors, rate) -> {
                    ProgrammeRules rules = new ProgrammeRules("EUR", BigDecimal.valueOf(rate, 4),
                            BigDecimal.valueOf(rate, 3), 0,
                            Map.of("c0", BigDecimal.valueOf(factors.get(0), 4)),
                            Map.of("web", BigDecimal.valueOf(factors.get(1), 4)),
                            List.of(new Promotion("p", BigDecimal.valueOf(factors.get(2), 4), START,
                                    START.plusSeconds(60), null)),
                            Map.of("gold", BigDecimal.valueOf(factors.get(3), 4)), Map.of());
                    List<BigDecimal> amounts = cents.stream().map(c -> BigDecimal.valueOf(c, 2)).toList();
                    for (LinePoints line : Earning.lines(rules, record(amounts, "web", START), "gold")) {
                        assertThat(line.qualifyingPoints()).isNotNegative()
                                .isEqualTo(line.reasons().stream().mapToLong(PointsReason::qualifyingPoints).sum());
                        assertThat(line.redeemablePoints()).isNotNegative()
                                .isEqualTo(line.reasons().stream().mapToLong(PointsReason::redeemablePoints).sum());
                        assertThat(line.reasons()).extracting(PointsReason::rule)
                                .containsExactly("base", "category", "channel", "promotion", "tier");
                    }
                });
    }

    /** An order of lines in category c0, one unit each, as stored. */
    private static PurchaseRecord record(List<BigDecimal> amounts, String channel, Instant at) {
        List<PurchaseLineRecord> lines = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            lines.add(new PurchaseLineRecord("sku-" + i, "c0", 1, amounts.get(i)));
        }
        return new PurchaseRecord(LoyaltyFixtures.TENANT, UUID.randomUUID(), 1, at, at, UUID.randomUUID(), "ORD",
                channel, at, "EUR", lines, List.of());
    }
}
