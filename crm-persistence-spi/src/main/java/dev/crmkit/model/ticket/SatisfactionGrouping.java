package dev.crmkit.model.ticket;

/** What a satisfaction report adds up by. */
public enum SatisfactionGrouping {
    /** One row for the whole tenant; its group id is null. */
    TENANT,
    /** One row per agent the rated tickets were assigned to; the row of unassigned tickets has a null group id. */
    AGENT,
    /** One row per team of those agents; the row of tickets without a team has a null group id. */
    TEAM
}
