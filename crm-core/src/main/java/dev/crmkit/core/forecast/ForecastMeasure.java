package dev.crmkit.core.forecast;

/**
 * What a forecast said would close in a period, as accuracy compares it with what did: the cumulative forecast
 * categories, and the probability-weighted pipeline.
 */
public enum ForecastMeasure {
    /** Closed plus commit: what was committed. */
    COMMIT,
    /** Closed plus commit plus best case. */
    BEST_CASE,
    /** Closed plus every open deal of the period. */
    PIPELINE,
    /** The probability-weighted amount of closed and open deals (won deals at 100 %); snapshots only. */
    WEIGHTED
}
