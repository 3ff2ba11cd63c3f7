package dev.crmkit.spi.team;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** Teams, scoped by tenant in every call. */
public interface TeamStore {
    /**
     * Stores a new team at version 1.
     *
     * @throws DuplicateException with {@code key() = "id"} when the id exists, or {@code key() = "name"} when
     *     the tenant has a team of that name; nothing is stored
     */
    TeamRecord insert(TeamRecord team);

    /**
     * Replaces a team whose stored version is {@code expectedVersion}, at version {@code expectedVersion + 1};
     * createdAt stays as stored. Returns the stored record.
     *
     * @throws NotFoundException when there is no such team in the tenant
     * @throws ConflictException when the stored version differs; nothing changes
     * @throws DuplicateException with {@code key() = "name"} when another team has the new name
     */
    TeamRecord update(TeamRecord team, long expectedVersion);

    /** The team with this id in this tenant. */
    Optional<TeamRecord> get(String tenantId, UUID id);

    /** One page of the tenant's teams ordered by id; the cursor is the last id. */
    Page<TeamRecord> list(String tenantId, PageRequest page);
}
