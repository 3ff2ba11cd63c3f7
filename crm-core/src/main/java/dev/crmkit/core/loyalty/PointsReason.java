package dev.crmkit.core.loyalty;

/**
 * What one rule of a programme added to the points of a purchase line (negative when a factor below 1 took some
 * away).
 *
 * @param rule which kind of rule: {@code base} (the rate per currency unit), {@code category}, {@code channel},
 *     {@code promotion} or {@code tier}
 * @param key the rule's key: the category, channel, promotion or tier code; null for the base rate
 * @param qualifyingPoints what it added to the qualifying points
 * @param redeemablePoints what it added to the redeemable points
 */
public record PointsReason(String rule, String key, long qualifyingPoints, long redeemablePoints) {
}
