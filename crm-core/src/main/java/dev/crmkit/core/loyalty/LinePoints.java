package dev.crmkit.core.loyalty;

import java.util.List;

/**
 * What one purchase line earns under a programme's rules, and why: the sum of its reasons.
 *
 * @param lineNumber the line, from 1
 * @param qualifyingPoints the qualifying points it earns, never negative
 * @param redeemablePoints the redeemable points it earns, never negative
 * @param reasons what each rule that applied added, in the order the rules apply; empty when the line earns nothing
 *     because the order was in another currency than the programme's
 */
public record LinePoints(int lineNumber, long qualifyingPoints, long redeemablePoints, List<PointsReason> reasons) {
    /** Keeps an unmodifiable copy of the reasons. */
    public LinePoints {
        reasons = List.copyOf(reasons);
    }
}
