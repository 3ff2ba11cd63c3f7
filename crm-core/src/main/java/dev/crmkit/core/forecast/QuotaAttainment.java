package dev.crmkit.core.forecast;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.forecast.QuotaScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.UUID;

/**
 * How far a member or a team is towards its quota in a period: what it won, and the open pipeline it has left to close
 * the rest, all in the quota's currency.
 *
 * @param memberId the rep, or the team's manager
 * @param scope the rep's own quota, or the team's
 * @param period the fiscal period
 * @param quota the quota
 * @param rolledUp true for a team quota nobody set, the sum of the rep quotas of the manager and everyone below
 * @param closedWon the deals won in the period (the forecast's closed category)
 * @param openPipeline the open deals expected to close in the period, unweighted: pipeline, best case and commit
 */
public record QuotaAttainment(UUID memberId, QuotaScope scope, FiscalPeriod period, Money quota, boolean rolledUp,
        Money closedWon, Money openPipeline) {
    /** What is left of the quota: quota minus closed-won, never below zero. */
    public Money remaining() {
        Money left = quota.minus(closedWon);
        return left.isNegative() ? Money.zero(quota.currency()) : left;
    }

    /** Closed-won over quota, to four places half-even (1.0000: the quota is met); empty for a zero quota. */
    public Optional<BigDecimal> attainment() {
        return ratio(closedWon, quota);
    }

    /**
     * Pipeline coverage: open pipeline over the remaining quota, to four places half-even (3.0000: three times what is
     * left is still open); empty when nothing remains.
     */
    public Optional<BigDecimal> coverage() {
        return ratio(openPipeline, remaining());
    }

    private static Optional<BigDecimal> ratio(Money top, Money bottom) {
        return bottom.amount().signum() == 0 ? Optional.empty()
                : Optional.of(top.amount().divide(bottom.amount(), 4, RoundingMode.HALF_EVEN));
    }
}
