package dev.crmkit.core.forecast;

/** Whose figures an {@link AccuracyLine} compares. */
public enum AccuracyLevel {
    /** One member's own deals. */
    REP,
    /** A manager's team: the manager's deals and those of everyone below them. */
    TEAM,
    /** Every deal of the tenant. */
    TOTAL
}
