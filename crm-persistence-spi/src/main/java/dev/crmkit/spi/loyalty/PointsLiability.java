package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import java.math.BigDecimal;

/**
 * A programme's outstanding redeemable points as of an instant, as the storage sums them over its members' ledgers.
 *
 * @param programme the programme's code, as the memberships name it
 * @param currency the programme's currency, or null when the programme is not defined
 * @param pointValue what one redeemable point is worth in it, or null when the programme defines no value
 * @param memberships how many memberships have entries before the instant
 * @param available the redeemable points available (every kind but pending and clawback)
 * @param pending the redeemable points pending
 * @param owed the redeemable points owed
 * @param value {@code available} times {@code pointValue}, at scale 4, or null without a point value
 */
public record PointsLiability(String programme, String currency, BigDecimal pointValue, long memberships,
        long available, long pending, long owed, BigDecimal value) {
    /** Checks the code; the decimals are normalized to scale 4. */
    public PointsLiability {
        Checks.text("programme", programme, 64);
        pointValue = pointValue == null ? null : Checks.scaled("pointValue", pointValue, 4);
        value = value == null ? null : Checks.scaled("value", value, 4);
    }
}
