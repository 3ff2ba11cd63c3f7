package dev.crmkit.core.loyalty;

import dev.crmkit.spi.loyalty.PurchaseLineRecord;
import dev.crmkit.spi.loyalty.PurchaseRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How a programme's rules turn an order's lines into points, explained: a line earns the base rate on its amount,
 * rounded down; then its category's multiplier, the channel's, every promotion open when the order was bought (and on
 * the line's category, when limited to one), and the member's tier bonus (redeemable points only) apply one after
 * the other, each result rounded down, and each step is one {@link PointsReason} with what it added. So the reasons
 * of a line always add up to its points, and no line earns below zero.
 */
final class Earning {
    private Earning() {
    }

    /**
     * What each line of {@code order} earns under {@code rules} for a member of {@code tier} (null: none).
     */
    static List<LinePoints> lines(ProgrammeRules rules, PurchaseRecord order, String tier) {
        List<LinePoints> lines = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            lines.add(line(rules, order, i + 1, order.lines().get(i), tier));
        }
        return lines;
    }

    private static LinePoints line(ProgrammeRules rules, PurchaseRecord order, int number, PurchaseLineRecord line,
            String tier) {
        if (!rules.currency().equals(order.currency())) {
            return new LinePoints(number, 0, 0, List.of());
        }
        Steps steps = new Steps(down(line.amount().multiply(rules.qualifyingPerUnit())),
                down(line.amount().multiply(rules.redeemablePerUnit())));
        BigDecimal category = rules.categoryMultipliers().get(line.category());
        if (category != null) {
            steps.multiply("category", line.category(), category, true);
        }
        BigDecimal channel = rules.channelMultipliers().get(order.channel());
        if (channel != null) {
            steps.multiply("channel", order.channel(), channel, true);
        }
        for (Promotion promotion : rules.promotions()) {
            if (promotion.isOpenAt(order.purchasedAt())
                    && (promotion.category() == null || promotion.category().equals(line.category()))) {
                steps.multiply("promotion", promotion.code(), promotion.factor(), true);
            }
        }
        BigDecimal bonus = tier == null ? null : rules.tierBonuses().get(tier);
        if (bonus != null) {
            steps.multiply("tier", tier, bonus, false);
        }
        return new LinePoints(number, steps.qualifying, steps.redeemable, steps.reasons);
    }

    private static long down(BigDecimal points) {
        return points.setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** The points of a line as the rules apply one after the other, with what each added. */
    private static final class Steps {
        private final List<PointsReason> reasons = new ArrayList<>();
        private long qualifying;
        private long redeemable;

        Steps(long qualifying, long redeemable) {
            this.qualifying = qualifying;
            this.redeemable = redeemable;
            reasons.add(new PointsReason("base", null, qualifying, redeemable));
        }

        void multiply(String rule, String key, BigDecimal factor, boolean qualifyingToo) {
            long q = qualifyingToo ? down(BigDecimal.valueOf(qualifying).multiply(factor)) : qualifying;
            long r = down(BigDecimal.valueOf(redeemable).multiply(factor));
            reasons.add(new PointsReason(rule, key, q - qualifying, r - redeemable));
            qualifying = q;
            redeemable = r;
        }
    }
}
