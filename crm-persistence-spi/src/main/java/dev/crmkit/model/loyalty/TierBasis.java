package dev.crmkit.model.loyalty;

/**
 * What a programme's tiers are earned by, counted over the tier scheme's rolling window (the last months up to the
 * moment of evaluation).
 */
public enum TierBasis {
    /** The qualifying points of the ledger entries posted in the window, net of adjustments and reversals in it. */
    QUALIFYING_POINTS,
    /** How many accruals (purchases earning points, activity awards) were posted in the window. */
    ACCRUALS
}
