package dev.crmkit.spi.customer;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.ContactPointKind;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Contact points of customers, scoped by tenant in every call. The store does not check that the customer
 * exists: the core writes a customer and its contact points in one unit.
 */
public interface ContactPointStore {
    /**
     * Stores a new contact point at version 1.
     *
     * @throws DuplicateException with {@code key() = "id"} when the id exists in the tenant; nothing is stored
     */
    ContactPointRecord insert(ContactPointRecord contactPoint);

    /** Stores many new contact points as one batch, all or nothing; duplicates as {@link #insert}. */
    void insertAll(List<ContactPointRecord> contactPoints);

    /**
     * Replaces a contact point whose stored version is {@code expectedVersion}.
     *
     * @return the stored record at version {@code expectedVersion + 1}
     * @throws NotFoundException when there is no such contact point in the tenant
     * @throws ConflictException when the stored version differs; nothing changes
     */
    ContactPointRecord update(ContactPointRecord contactPoint, long expectedVersion);

    /**
     * Deletes a contact point whose stored version is {@code expectedVersion}.
     *
     * @throws NotFoundException when there is no such contact point in the tenant
     * @throws ConflictException when the stored version differs; nothing changes
     */
    void delete(String tenantId, UUID id, long expectedVersion);

    /** The contact point with this id in this tenant. */
    Optional<ContactPointRecord> get(String tenantId, UUID id);

    /** All contact points of a customer, ordered by kind, then primary first, then id. */
    List<ContactPointRecord> forCustomer(String tenantId, UUID customerId);

    /** All contact points of these customers, in no particular order: one query for many customers. */
    List<ContactPointRecord> forCustomers(String tenantId, List<UUID> customerIds);

    /** Up to {@code limit} (1 to 1000) contact points of this kind whose normalized value is exactly {@code value}, ordered by id. */
    List<ContactPointRecord> findByValue(String tenantId, ContactPointKind kind, String value, int limit);

    /**
     * Up to {@code limit} (1 to 1000) contact points of this kind whose normalized value is exactly one of
     * {@code values} (at most 1000 distinct), ordered by id: the lookups of a whole batch in one call. An empty
     * collection finds none.
     */
    List<ContactPointRecord> findByValues(String tenantId, ContactPointKind kind, Collection<String> values,
            int limit);

    /**
     * Which of these normalized values (at most 1000) contact points of this kind in this tenant already have:
     * one query for a whole import batch instead of one per row. Unknown values are left out.
     */
    Set<String> existingValues(String tenantId, ContactPointKind kind, Collection<String> values);

    /**
     * One page of the values of this kind that contact points of two or more different customers share,
     * ordered by value in an order the backend keeps stable (a binary collation), each with the ids of those customers. Contact points of merged
     * customers do not exist any more: merging moves them to the survivor.
     */
    Page<SharedValue> sharedValues(String tenantId, ContactPointKind kind, PageRequest page);

    /**
     * Moves every contact point of {@code fromCustomerId} to {@code toCustomerId}, raising each one's version
     * by 1 and setting its updatedAt to {@code now}; used when customers are merged.
     *
     * @return how many contact points moved
     */
    int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now);
}
