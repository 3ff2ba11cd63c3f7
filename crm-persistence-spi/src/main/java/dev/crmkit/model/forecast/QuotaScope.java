package dev.crmkit.model.forecast;

/** Whom a sales quota or a forecast submission is for. */
public enum QuotaScope {
    /** The member's own deals. */
    REP,
    /** The deals of the member's team: the member's own and those of everyone reporting to them, at any depth. */
    TEAM
}
