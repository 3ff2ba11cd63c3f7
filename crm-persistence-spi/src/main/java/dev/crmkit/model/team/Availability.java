package dev.crmkit.model.team;

/**
 * Whether a team member can take new work. {@link #AWAY} carries a date until which the member is away; from
 * that instant on the member counts as available again without anyone changing the record.
 */
public enum Availability {
    /** Takes new work. */
    ACTIVE,
    /** Takes no new work until the member's {@code awayUntil}. */
    AWAY,
    /** Has left or is suspended: takes no work until activated again. */
    DEACTIVATED
}
