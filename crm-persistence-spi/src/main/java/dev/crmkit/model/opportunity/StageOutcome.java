package dev.crmkit.model.opportunity;

/** What reaching a pipeline stage means for the deal: still being worked, won, or lost. */
public enum StageOutcome {
    /** The deal is being worked. */
    OPEN,
    /** Closed won. */
    WON,
    /** Closed lost. */
    LOST
}
