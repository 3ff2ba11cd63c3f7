package dev.crmkit.model.opportunity;

/** Where a deal counts in a sales forecast, from least to most certain; closed deals count as {@link #CLOSED}. */
public enum ForecastCategory {
    /** Early: counted in the pipeline, not in the forecast. */
    PIPELINE,
    /** Could close this period if things go well. */
    BEST_CASE,
    /** The rep commits to closing it this period. */
    COMMIT,
    /** Won (or lost) already. */
    CLOSED,
    /** Left out of the forecast altogether. */
    OMITTED
}
