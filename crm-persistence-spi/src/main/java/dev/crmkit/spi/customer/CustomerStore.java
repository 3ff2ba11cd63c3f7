package dev.crmkit.spi.customer;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.Checks;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.model.customer.PartyKind;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Customers of every tenant. Every method is scoped by {@code tenantId}: it never reads, returns or changes
 * another tenant's customer, even when given that customer's id.
 *
 * <p>Queries ({@link #find}, {@link #findByNameKey}, {@link #sharedNameKeys}) see live customers only, never
 * merged ones; {@link #get} and {@link #findByExternalRef} return merged ones too, so the core can follow
 * {@code mergedInto} to the survivor. Pages are ordered by id in {@link dev.crmkit.spi.Ids#ORDER}.
 */
public interface CustomerStore {
    /**
     * Stores a new customer. Its version must be 1.
     *
     * @return the stored record, equal to the argument
     * @throws DuplicateException with {@code key() = "id"} when the tenant has a customer with this id, or
     *     {@code key() = "externalRef"} when it has one with this external reference; nothing is stored
     */
    CustomerRecord insert(CustomerRecord customer);

    /**
     * Stores many new customers as one batch, all or nothing. Each must be at version 1.
     *
     * @throws DuplicateException as {@link #insert}, also for two records of the batch that collide with each
     *     other; nothing of the batch is stored
     */
    void insertAll(List<CustomerRecord> customers);

    /**
     * Replaces a customer whose stored version is {@code expectedVersion}. The argument's own {@code version}
     * is ignored; its {@code createdAt} is ignored too, the stored one is kept.
     *
     * @return the stored record at version {@code expectedVersion + 1}
     * @throws NotFoundException when the tenant has no customer with this id
     * @throws ConflictException when the stored version differs from {@code expectedVersion}; nothing changes
     * @throws DuplicateException when the new external reference belongs to another customer; nothing changes
     */
    CustomerRecord update(CustomerRecord customer, long expectedVersion);

    /**
     * Takes the customer's row lock for the rest of the caller's unit of work: a second unit locking (or updating) the
     * same customer waits until this unit has committed or rolled back, and then sees what it committed. Every unit that
     * changes a customer or records customer events takes this lock before it reads what it checks and before it appends
     * its events, so the outbox sequence of one customer's events is the order in which their units committed (see
     * {@link dev.crmkit.spi.outbox.OutboxStore}). The lock is the row's: it is held whatever the record says
     * (merged or closed), does not change the record or its version, and is released at commit or rollback. Outside
     * a unit the call is a unit of its own and only checks that the customer exists. Units that lock several
     * customers should lock them in {@link dev.crmkit.spi.Ids#ORDER}; a deadlock among units is reported as for
     * any other statement (a retryable {@link ConflictException}).
     *
     * @throws NotFoundException when the tenant has no customer with this id; nothing is locked
     */
    void lock(String tenantId, UUID id);

    /** The customer with this id in this tenant, merged or not; empty when there is none. */
    Optional<CustomerRecord> get(String tenantId, UUID id);

    /** The customers with these ids in this tenant, merged or not, in no particular order; unknown ids are left out. */
    List<CustomerRecord> getAll(String tenantId, List<UUID> ids);

    /**
     * The kind of each of these customers (at most 1000 ids) that this tenant has and that is not merged into another,
     * by id; unknown and merged ids are left out, an id given twice is answered once. One query for a check that a
     * customer may be referred to (a ticket's customer, an organization's contact person), without reading the
     * customers' tags and custom fields as {@link #getAll} does. The default answers from {@link #getAll}.
     *
     * @throws dev.crmkit.model.ValidationException when {@code ids} holds a null or more than 1000 distinct ids
     */
    default Map<UUID, PartyKind> liveKinds(String tenantId, Collection<UUID> ids) {
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(Checks.noNulls("ids", ids)));
        Checks.limit("ids.size", Math.max(1, distinct.size()), PageRequest.MAX_LIMIT);
        Map<UUID, PartyKind> kinds = new HashMap<>();
        for (CustomerRecord customer : getAll(tenantId, distinct)) {
            if (customer.mergedInto() == null) {
                kinds.put(customer.id(), customer.kind());
            }
        }
        return kinds;
    }

    /** The customer with this external reference in this tenant, merged or not. */
    Optional<CustomerRecord> findByExternalRef(String tenantId, String externalRef);

    /**
     * Which of these external references (at most 1000) customers of this tenant, merged or not, already carry:
     * one query for a whole import batch instead of one per row. Unknown references are left out.
     */
    Set<String> existingExternalRefs(String tenantId, Collection<String> externalRefs);

    /**
     * One page of the live customers matching the criterion, ordered by id. Keyset paging: a reader that
     * follows {@code next} until it is absent sees every customer that matched throughout, exactly once,
     * even while others are inserted.
     */
    Page<CustomerRecord> find(String tenantId, CustomerCriterion criterion, PageRequest page);

    /** How many live customers match the criterion. */
    long count(String tenantId, CustomerCriterion criterion);

    /** Up to {@code limit} (1 to 1000) live customers whose name key equals {@code nameKey}, ordered by id. */
    List<CustomerRecord> findByNameKey(String tenantId, String nameKey, int limit);

    /**
     * Up to {@code limit} (1 to 1000) live customers whose name key equals one of {@code nameKeys} (at most 1000
     * distinct), ordered by id: the lookups of a whole batch in one call. An empty collection finds none.
     */
    List<CustomerRecord> findByNameKeys(String tenantId, Collection<String> nameKeys, int limit);

    /**
     * One page of the name keys that two or more live customers share, ordered by the key in an order the
     * backend keeps stable (a binary collation), each with the ids of the customers sharing it. The cursor continues after the last key.
     */
    Page<SharedValue> sharedNameKeys(String tenantId, PageRequest page);
}
