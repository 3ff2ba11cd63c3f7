package dev.crmkit.model.team;

/** What a team member does; sales and service share one team domain. */
public enum TeamRole {
    /** Works leads and opportunities. */
    SALES_REP,
    /** Leads sales reps; may work leads too. */
    SALES_MANAGER,
    /** Works service tickets. */
    SERVICE_AGENT,
    /** Leads service agents; may work tickets too. */
    SERVICE_MANAGER
}
