package dev.crmkit.spi.team;

import dev.crmkit.spi.StorageCapability;

/** The storage capability of the team domain: sales reps, service agents and managers, and their teams. */
public interface TeamStorage extends StorageCapability {
    /** Sales reps, service agents and managers. */
    TeamMemberStore teamMembers();

    /** Teams of members. */
    TeamStore teams();

    /** Members' working hours and time zones. */
    WorkingHoursStore workingHours();
}
