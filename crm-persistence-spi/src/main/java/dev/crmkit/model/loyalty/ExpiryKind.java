package dev.crmkit.model.loyalty;

/**
 * How a loyalty programme's redeemable points expire. Qualifying points never expire: they count toward tiers only
 * inside the tier scheme's rolling window, which is how they roll off.
 */
public enum ExpiryKind {
    /** Points never expire. */
    NONE,
    /**
     * Each lot of points (an entry that added redeemable points) expires a fixed number of months after it was posted,
     * as far as it is left: every spending takes the oldest lots first.
     */
    FIXED,
    /** All of a member's redeemable points expire once the member had no activity for a number of months. */
    ACTIVITY
}
