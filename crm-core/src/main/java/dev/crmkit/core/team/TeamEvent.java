package dev.crmkit.core.team;

import dev.crmkit.core.common.DomainEvent;

/**
 * The domain events of team members and teams, each recorded in the outbox in the transaction of its change.
 * Payloads carry ids, codes and times only, never display names, so the event stream holds no personal data.
 */
public sealed interface TeamEvent extends DomainEvent
        permits TeamMemberAdded, TeamMemberChanged, TeamMemberAvailabilityChanged, TeamMemberWorkingHoursSet,
        TeamCreated, TeamChanged {

    /** The aggregate type of member events; all events of one member are delivered in order. */
    String MEMBER = "team-member";

    /** The aggregate type of a member's working hours; its id is the member's. */
    String WORKING_HOURS = "team-member-hours";

    /** The aggregate type of team events. */
    String TEAM = "team";
}
