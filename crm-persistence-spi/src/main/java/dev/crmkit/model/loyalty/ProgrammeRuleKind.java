package dev.crmkit.model.loyalty;

/**
 * What an accrual rule of a loyalty programme does. The multipliers apply to the points a purchase line earns at the
 * programme's base rate; an activity award earns points that do not depend on spend.
 */
public enum ProgrammeRuleKind {
    /** Multiplies what lines of a product category earn. */
    CATEGORY,
    /** Multiplies what an order bought through a sales channel earns. */
    CHANNEL,
    /** Multiplies what orders (or lines of one category) earn while a date window is open. */
    PROMOTION,
    /** Multiplies the redeemable points a member of a tier earns; a member without a tier gets none. */
    TIER_BONUS,
    /** Awards fixed points for an activity (a visit, a review, a referral, an activity the host names). */
    ACTIVITY,
    /**
     * What one redeemable point is worth in the programme's currency (the rule's {@code factor}; its {@code key} is
     * the currency's code): the value the programme's outstanding liability is counted in. At most one per programme.
     */
    POINT_VALUE
}
