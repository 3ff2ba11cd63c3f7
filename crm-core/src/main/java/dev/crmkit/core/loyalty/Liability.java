package dev.crmkit.core.loyalty;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A programme's outstanding points as of an instant and what they are worth: the redeemable points its members have
 * available, times the point value the programme defines ({@link ProgrammeRules#withPointValue}). Pending points
 * (not yet redeemable, and cancelled by returns) and owed points (which later purchase points pay off) are shown apart
 * and are not in the value. The storage sums the ledgers and multiplies.
 *
 * @param programme the programme's code
 * @param asOf the instant: entries posted before it count
 * @param memberships how many memberships had entries by then
 * @param outstandingPoints the redeemable points available
 * @param pendingPoints the redeemable points pending
 * @param owedPoints the redeemable points owed
 * @param currency the programme's currency, or null when the programme is not defined
 * @param pointValue what one point is worth in the currency now, or null when the programme is not defined or
 *     defines no point value
 * @param value {@code outstandingPoints} times {@code pointValue}, exact at scale 4 (a point may be worth a fraction
 *     of the currency's smallest unit), or null without a point value
 */
public record Liability(String programme, Instant asOf, long memberships, long outstandingPoints, long pendingPoints,
        long owedPoints, String currency, BigDecimal pointValue, BigDecimal value) {
}
