package dev.crmkit.core.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.ExpiryKind;

/**
 * How a programme's redeemable points expire, part of its {@link ProgrammeRules}:
 *
 * <ul>
 *   <li>{@link #none()}: never.</li>
 *   <li>{@link #fixed(int)}: each lot (an entry that added redeemable points: a purchase's posted points, an activity
 *       award, a positive adjustment) expires {@code months} after it was posted, as far as it is left. Every entry
 *       that takes points (a redemption, a return's reversal, a negative adjustment, an expiry) takes the oldest lots
 *       first, so what expires of a lot is what no spending took.</li>
 *   <li>{@link #afterInactivity(int)}: all of a member's redeemable points expire once {@code months} passed without
 *       activity (an accrual, pending purchase points or a redemption).</li>
 * </ul>
 *
 * <p>Qualifying points never expire: they count toward tiers only inside the tier scheme's rolling window, which is
 * how they roll off.
 *
 * @param kind how points expire
 * @param months after how many months, 1 to {@link #MAX_MONTHS}; 0 for {@link ExpiryKind#NONE}
 */
public record ExpiryPolicy(ExpiryKind kind, int months) {
    /** The longest a policy may wait, in months. */
    public static final int MAX_MONTHS = 120;

    /**
     * Checks the rules above.
     *
     * @throws ValidationException ({@code expiry.kind}, {@code expiry.months}) naming what breaks one
     */
    public ExpiryPolicy {
        Checks.required("expiry.kind", kind);
        if (kind == ExpiryKind.NONE && months != 0) {
            throw new ValidationException("expiry.months", "must be 0 when points never expire");
        }
        if (kind != ExpiryKind.NONE && (months < 1 || months > MAX_MONTHS)) {
            throw new ValidationException("expiry.months", "must be from 1 to " + MAX_MONTHS);
        }
    }

    /** Points never expire. */
    public static ExpiryPolicy none() {
        return new ExpiryPolicy(ExpiryKind.NONE, 0);
    }

    /** Each lot expires {@code months} after it was posted, as far as it is left, oldest lots spent first. */
    public static ExpiryPolicy fixed(int months) {
        return new ExpiryPolicy(ExpiryKind.FIXED, months);
    }

    /** All redeemable points expire after {@code months} without activity. */
    public static ExpiryPolicy afterInactivity(int months) {
        return new ExpiryPolicy(ExpiryKind.ACTIVITY, months);
    }
}
