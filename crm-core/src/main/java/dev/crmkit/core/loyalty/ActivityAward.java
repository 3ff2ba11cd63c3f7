package dev.crmkit.core.loyalty;

import dev.crmkit.model.ValidationException;

/**
 * What an activity earns in a programme, whatever the member spends: fixed qualifying and redeemable points.
 *
 * @param qualifyingPoints the qualifying points, 0 to {@link #MAX_POINTS}
 * @param redeemablePoints the redeemable points, 0 to {@link #MAX_POINTS}; not both zero
 */
public record ActivityAward(long qualifyingPoints, long redeemablePoints) {
    /** The most points an activity may award in either currency. */
    public static final long MAX_POINTS = 1_000_000;

    /**
     * Checks the rules above.
     *
     * @throws ValidationException ({@code points}) when a count is out of range or both are zero
     */
    public ActivityAward {
        if (qualifyingPoints < 0 || redeemablePoints < 0 || qualifyingPoints > MAX_POINTS
                || redeemablePoints > MAX_POINTS) {
            throw new ValidationException("points", "must be from 0 to " + MAX_POINTS);
        }
        if (qualifyingPoints == 0 && redeemablePoints == 0) {
            throw new ValidationException("points", "must award points in at least one currency");
        }
    }

    /** The same points in both currencies. */
    public static ActivityAward of(long points) {
        return new ActivityAward(points, points);
    }
}
