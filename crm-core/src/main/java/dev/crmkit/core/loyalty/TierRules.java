package dev.crmkit.core.loyalty;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.TierBasis;
import dev.crmkit.spi.loyalty.TierSchemeRecord;
import java.util.List;
import java.util.Optional;

/**
 * How members of a programme reach its tiers: the tiers from the lowest to the highest, what they are earned by, and
 * the rolling window that is counted over. A member reaching a tier keeps it for at least one window; then it is
 * reviewed, and kept for another window while the member still reaches it.
 *
 * <pre>{@code
 * TierRules.onQualifyingPoints(12,
 *         Tier.of("silver", "Silver", 1_000),
 *         Tier.of("gold", "Gold", 5_000, "free-shipping"),
 *         Tier.of("platinum", "Platinum", 20_000, "free-shipping", "lounge"));
 * }</pre>
 *
 * @param basis what tiers are earned by
 * @param windowMonths the rolling window, 1 to 36 months
 * @param tiers 1 to 20 tiers, codes distinct, thresholds strictly rising
 */
public record TierRules(TierBasis basis, int windowMonths, List<Tier> tiers) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks one ({@code basis}, {@code windowMonths},
     *     {@code tiers}, {@code tiers[1].code}, {@code tiers[1].threshold})
     */
    public TierRules {
        tiers = List.copyOf(dev.crmkit.model.Checks.noNulls("tiers", tiers));
        TierSchemeRecord.check(basis, windowMonths, tiers.stream().map(Tier::toRecord).toList());
    }

    /** Tiers reached by the qualifying points earned in the last {@code windowMonths} months. */
    public static TierRules onQualifyingPoints(int windowMonths, Tier... tiers) {
        return new TierRules(TierBasis.QUALIFYING_POINTS, windowMonths, List.of(tiers));
    }

    /** Tiers reached by the number of accruals (purchases, activities) in the last {@code windowMonths} months. */
    public static TierRules onAccruals(int windowMonths, Tier... tiers) {
        return new TierRules(TierBasis.ACCRUALS, windowMonths, List.of(tiers));
    }

    /** The tier with this code, if the rules have one. */
    public Optional<Tier> tier(String code) {
        return tiers.stream().filter(t -> t.code().equals(code)).findFirst();
    }
}
