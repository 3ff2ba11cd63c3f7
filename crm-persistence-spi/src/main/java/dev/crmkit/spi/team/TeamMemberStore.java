package dev.crmkit.spi.team;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.team.MemberFilter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Team members, scoped by tenant in every call. */
public interface TeamMemberStore {
    /**
     * Stores a new member at version 1, with its skills, languages and territories.
     *
     * @throws DuplicateException with {@code key() = "id"} when the id exists, or {@code key() = "userId"} when
     *     another member of the tenant has the same user id; nothing is stored
     */
    TeamMemberRecord insert(TeamMemberRecord member);

    /**
     * Replaces a member whose stored version is {@code expectedVersion} with {@code member} (same tenant and
     * id), at version {@code expectedVersion + 1}; createdAt stays as stored. Returns the stored record.
     *
     * @throws NotFoundException when there is no such member in the tenant
     * @throws ConflictException when the stored version differs; nothing changes
     * @throws DuplicateException with {@code key() = "userId"} when another member has the new user id;
     *     nothing changes
     */
    TeamMemberRecord update(TeamMemberRecord member, long expectedVersion);

    /** The member with this id in this tenant. */
    Optional<TeamMemberRecord> get(String tenantId, UUID id);

    /** The members with these ids in this tenant, in no particular order; unknown ids are left out. */
    List<TeamMemberRecord> getAll(String tenantId, Collection<UUID> ids);

    /** The member with this user id in this tenant. */
    Optional<TeamMemberRecord> findByUserId(String tenantId, String userId);

    /**
     * One page of the members {@code filter} selects ({@link MemberFilter#matches} is the reference meaning),
     * ordered by id; the cursor is the last id. Keyset paging neither skips nor repeats a member that exists
     * for the whole walk.
     */
    Page<TeamMemberRecord> find(String tenantId, MemberFilter filter, PageRequest page);
}
