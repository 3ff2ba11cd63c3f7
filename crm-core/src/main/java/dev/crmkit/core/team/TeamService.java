package dev.crmkit.core.team;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.MemberFilter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The team of one tenant: its members (sales reps, service agents, managers) and its teams.
 *
 * <p>Every command is one transaction, records its {@link TeamEvent} in the outbox in that transaction, and reads
 * and writes with the stored version, so two concurrent changes to one member never lose either: the second gets
 * a {@link ConflictException} and may retry. Bad input throws a {@link ValidationException} naming the field and
 * changes nothing: user ids of 1 to 100 characters, display names of 1 to 200, skills and territories (at most 50,
 * each 1 to 64 characters), languages as well-formed BCP 47 tags (at most 20, stored in canonical case, so
 * {@code pt-br} becomes {@code pt-BR}), a team and a manager that exist in the tenant, and no management cycle.
 *
 * <p>Availability: a member is {@code ACTIVE}, {@code AWAY} until an instant (and available again from that instant
 * on, with no further call), or {@code DEACTIVATED}. Only available members get new work; deactivating a member
 * does not move their reports or their open work, which the distributing domains do.
 */
public interface TeamService {

    /**
     * Adds an active member and publishes {@link TeamMemberAdded}.
     *
     * @throws DuplicateException with key {@code userId} when the tenant has a member with that user id
     */
    TeamMember add(MemberDetails details);

    /**
     * Replaces a member's details (everything but availability) and publishes {@link TeamMemberChanged}.
     *
     * @throws NotFoundException when there is no such member
     * @throws DuplicateException with key {@code userId} when another member has the new user id
     */
    TeamMember update(UUID memberId, MemberDetails details);

    /**
     * Marks a member away until {@code until}, which must lie in the future, and publishes
     * {@link TeamMemberAvailabilityChanged}. A deactivated member must be activated first.
     *
     * @throws NotFoundException when there is no such member
     * @throws dev.crmkit.model.IllegalTransitionException when the member is deactivated
     */
    TeamMember setAway(UUID memberId, Instant until);

    /** Makes a member active (back from an absence, or reactivated) and publishes the change if it is one. */
    TeamMember activate(UUID memberId);

    /** Deactivates a member, who gets no new work until activated, and publishes the change if it is one. */
    TeamMember deactivate(UUID memberId);

    /**
     * The member with this id.
     *
     * @throws NotFoundException when the tenant has no such member
     */
    TeamMember member(UUID memberId);

    /**
     * The member with this user id.
     *
     * @throws NotFoundException when the tenant has no member with this user id
     */
    TeamMember memberByUserId(String userId);

    /** One page of the members the filter selects, in id order. */
    Page<TeamMember> members(MemberFilter filter, PageRequest page);

    /**
     * The members available for new work at {@code at} that the filter selects (its own availability condition is
     * replaced by {@code at}), one page in id order.
     */
    Page<TeamMember> availableMembers(MemberFilter filter, Instant at, PageRequest page);

    /**
     * The member's managers from the direct one upwards: two queries per level at most, and at most
     * 50 levels.
     *
     * @throws NotFoundException when there is no such member
     */
    List<TeamMember> managementChain(UUID memberId);

    /**
     * Creates a team and publishes {@link TeamCreated}.
     *
     * @throws DuplicateException with key {@code name} when the tenant has a team of that name
     */
    Team createTeam(String name, UUID managerId);

    /**
     * Renames a team or gives it another manager, and publishes {@link TeamChanged}.
     *
     * @throws NotFoundException when there is no such team
     */
    Team updateTeam(UUID teamId, String name, UUID managerId);

    /**
     * The team with this id.
     *
     * @throws NotFoundException when the tenant has no such team
     */
    Team team(UUID teamId);

    /** One page of the tenant's teams in id order. */
    Page<Team> teams(PageRequest page);

    /**
     * Stores the member's working hours and time zone over the version the caller read ({@code 0} for the first) and
     * publishes {@link TeamMemberWorkingHoursSet}.
     *
     * @return the hours as stored, at {@code expectedVersion + 1}
     * @throws NotFoundException when the tenant has no such member
     * @throws ValidationException ({@code hours}) when null; ({@code expectedVersion}) when negative
     * @throws ConflictException (retryable) when the stored hours are not at {@code expectedVersion}; nothing changes
     */
    MemberWorkingHours setWorkingHours(UUID memberId, WorkingHours hours, long expectedVersion);

    /**
     * The member's stored working hours.
     *
     * @throws NotFoundException when the tenant has no such member, or the member has no working hours stored
     */
    MemberWorkingHours workingHours(UUID memberId);

    /**
     * Whether the member is inside working hours at {@code at} ({@link WorkingHours#isInside}); a member without
     * stored working hours is taken as always inside, so that routing excludes nobody whose hours are unknown. Says
     * nothing of availability ({@link #availableMembers}).
     *
     * @throws NotFoundException when the tenant has no such member
     * @throws ValidationException ({@code at}) when null
     */
    boolean isWorking(UUID memberId, Instant at);

    /**
     * Those of {@code members} inside working hours at {@code at}, in the order given: {@link #isWorking} for members
     * the caller has read from this service, their hours read together (a page of members in one read) and the
     * members not read again. A member without stored working hours is inside, as there.
     *
     * @throws ValidationException ({@code members}) when null or holding null; ({@code at}) when null
     */
    List<TeamMember> working(List<TeamMember> members, Instant at);
}
