package dev.crmkit.core.team;

import dev.crmkit.spi.team.TeamRecord;
import java.time.Instant;
import java.util.UUID;

/** A team: its name (unique in the tenant) and its manager, a team member id or null. */
public record Team(UUID id, long version, String name, UUID managerId, Instant createdAt, Instant updatedAt) {
    /** The team a stored record describes. */
    public static Team of(TeamRecord r) {
        return new Team(r.id(), r.version(), r.name(), r.managerId(), r.createdAt(), r.updatedAt());
    }
}
