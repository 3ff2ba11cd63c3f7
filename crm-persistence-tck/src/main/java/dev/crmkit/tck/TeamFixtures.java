package dev.crmkit.tck;

import dev.crmkit.model.team.Availability;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.spi.team.TeamMemberRecord;
import dev.crmkit.spi.team.TeamRecord;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Team members and teams the team contracts store. */
final class TeamFixtures {
    private TeamFixtures() {
    }

    /** An active sales rep with no team, manager or attributes. */
    static TeamMemberRecord rep(String tenantId, String userId) {
        return new TeamMemberRecord(tenantId, UUID.randomUUID(), 1, ContractSupport.NOW, ContractSupport.NOW, userId,
                "Rep " + userId, TeamRole.SALES_REP, null, null, Set.of(), Set.of(), Set.of(), 3, 20,
                Availability.ACTIVE, null);
    }

    /** A member with every field set. */
    static TeamMemberRecord member(String tenantId, String userId, TeamRole role, UUID teamId, UUID managerId,
            Set<String> skills, Set<String> languages, Set<String> territories, Availability availability,
            Instant awayUntil) {
        return new TeamMemberRecord(tenantId, UUID.randomUUID(), 1, ContractSupport.NOW, ContractSupport.NOW, userId,
                "Member " + userId, role, teamId, managerId, skills, languages, territories, 5, 10, availability,
                awayUntil);
    }

    /** The same member with other fields, for updates. */
    static TeamMemberRecord changed(TeamMemberRecord m, Instant at, String userId, Set<String> skills,
            Availability availability, Instant awayUntil) {
        return new TeamMemberRecord(m.tenantId(), m.id(), m.version(), m.createdAt(), at, userId, m.displayName(),
                m.role(), m.teamId(), m.managerId(), skills, m.languages(), m.territories(), m.seniority(),
                m.capacity(), availability, awayUntil);
    }

    /** A team without manager. */
    static TeamRecord team(String tenantId, String name) {
        return new TeamRecord(tenantId, UUID.randomUUID(), 1, ContractSupport.NOW, ContractSupport.NOW, name, null);
    }
}
