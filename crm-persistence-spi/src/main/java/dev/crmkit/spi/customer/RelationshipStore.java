package dev.crmkit.spi.customer;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Person-organization relationships, scoped by tenant in every call. */
public interface RelationshipStore {
    /**
     * Stores a new relationship at version 1.
     *
     * @throws DuplicateException with {@code key() = "id"} when the id exists, or {@code key() = "role"} when
     *     the same person already has the same role at the same organization; nothing is stored
     */
    RelationshipRecord insert(RelationshipRecord relationship);

    /**
     * Deletes a relationship whose stored version is {@code expectedVersion}.
     *
     * @throws NotFoundException when there is no such relationship in the tenant
     * @throws ConflictException when the stored version differs; nothing changes
     */
    void delete(String tenantId, UUID id, long expectedVersion);

    /** The relationship with this id in this tenant. */
    Optional<RelationshipRecord> get(String tenantId, UUID id);

    /**
     * Up to {@code limit} (1 to 1000) relationships in which the customer is the person or the organization,
     * ordered by id.
     */
    List<RelationshipRecord> involving(String tenantId, UUID customerId, int limit);

    /**
     * Moves both ends of every relationship from {@code fromCustomerId} to {@code toCustomerId}, raising each
     * moved one's version by 1 and setting its updatedAt to {@code now}. A relationship that would duplicate
     * one the survivor already has (same person, organization and role), or would link the survivor to
     * itself, is deleted instead of moved.
     *
     * @return how many relationships moved or were deleted
     */
    int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now);
}
