package dev.crmkit.core.team;

import dev.crmkit.model.team.Availability;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.spi.team.TeamMemberRecord;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A sales rep, service agent or manager as the team service reports it. {@code version} is the optimistic
 * version of the stored member.
 */
public record TeamMember(UUID id, long version, String userId, String displayName, TeamRole role, UUID teamId,
        UUID managerId, Set<String> skills, Set<String> languages, Set<String> territories, int seniority,
        int capacity, Availability availability, Instant awayUntil, Instant createdAt, Instant updatedAt) {

    /** The member a stored record describes. */
    public static TeamMember of(TeamMemberRecord r) {
        return new TeamMember(r.id(), r.version(), r.userId(), r.displayName(), r.role(), r.teamId(), r.managerId(),
                r.skills(), r.languages(), r.territories(), r.seniority(), r.capacity(), r.availability(),
                r.awayUntil(), r.createdAt(), r.updatedAt());
    }

    /** Whether the member takes new work at {@code at}: active, or back from an absence by then. */
    public boolean availableAt(Instant at) {
        return availability == Availability.ACTIVE || availability == Availability.AWAY && !awayUntil.isAfter(at);
    }
}
