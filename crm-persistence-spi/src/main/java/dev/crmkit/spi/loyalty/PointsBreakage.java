package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;

/**
 * A programme's redeemable points issued, expired and redeemed in a period and in all before its end, as the storage
 * sums them over its members' ledgers. Expired and redeemed points are counted positive.
 *
 * @param programme the programme's code, as the memberships name it
 * @param issued the points accrued in the period
 * @param expired the points expired in the period
 * @param redeemed the points redeemed in the period
 * @param issuedToDate the points accrued before the period's end
 * @param expiredToDate the points expired before the period's end
 * @param redeemedToDate the points redeemed before the period's end
 * @param outstanding the points available at the period's end
 */
public record PointsBreakage(String programme, long issued, long expired, long redeemed, long issuedToDate,
        long expiredToDate, long redeemedToDate, long outstanding) {
    /** Checks the code. */
    public PointsBreakage {
        Checks.text("programme", programme, 64);
    }
}
