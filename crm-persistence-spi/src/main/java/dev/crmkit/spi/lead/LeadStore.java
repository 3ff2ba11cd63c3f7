package dev.crmkit.spi.lead;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadFilter;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Leads and the state of their distribution, scoped by tenant in every call. */
public interface LeadStore {
    /** The most leads {@link #findOpenByKey} returns. */
    int MAX_LOOKUP = 1000;

    /**
     * Stores a new lead at version 1.
     *
     * @throws DuplicateException with {@code key() = "id"} when the id exists in the tenant, or
     *     {@code key() = "idempotencyKey"} when the key does; nothing is stored
     * @throws ValidationException when the version is not 1
     */
    LeadRecord insert(LeadRecord lead);

    /** Stores many new leads as one batch, all or nothing; duplicates (also within the batch) as {@link #insert}. */
    void insertAll(List<LeadRecord> leads);

    /**
     * Replaces a lead whose stored version is {@code expectedVersion} with {@code lead} (same tenant and id), at
     * version {@code expectedVersion + 1} (the given record's own version is ignored); createdAt and the
     * idempotency key stay as stored. Returns the stored record.
     *
     * @throws NotFoundException when there is no such lead in the tenant
     * @throws ConflictException when the stored version differs; nothing changes
     */
    LeadRecord update(LeadRecord lead, long expectedVersion);

    /**
     * Takes the lead's row lock for the rest of the caller's unit of work: a second unit locking (or updating) the
     * same lead waits until this unit has committed or rolled back, and then sees what it committed. Every unit that
     * changes a lead or records lead events takes this lock before it reads what it checks and before it appends
     * its events, so the outbox sequence of one lead's events is the order in which their units committed (see
     * {@link dev.crmkit.spi.outbox.OutboxStore}). The lock is the row's: it is held whatever the record says
     * (merged or closed), does not change the record or its version, and is released at commit or rollback. Outside
     * a unit the call is a unit of its own and only checks that the lead exists. Units that lock several
     * leads should lock them in {@link dev.crmkit.spi.Ids#ORDER}; a deadlock among units is reported as for
     * any other statement (a retryable {@link ConflictException}).
     *
     * @throws NotFoundException when the tenant has no lead with this id; nothing is locked
     */
    void lock(String tenantId, UUID id);

    /**
     * Points every lead of the tenant linked to ({@code matchedCustomerId}) or converted into
     * ({@code convertedCustomerId}) {@code fromCustomerId} at {@code toCustomerId} instead, for a customer merge:
     * each such lead once at version + 1 with updatedAt {@code now}; owners and states, and so the open-lead counts,
     * stay. Returns how many leads changed.
     */
    int moveCustomer(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now);

    /** The lead with this id in this tenant. */
    Optional<LeadRecord> get(String tenantId, UUID id);

    /** The leads with these ids in this tenant, in no particular order; unknown ids are left out. */
    List<LeadRecord> getAll(String tenantId, Collection<UUID> ids);

    /** The lead captured with this idempotency key in this tenant. */
    Optional<LeadRecord> findByIdempotencyKey(String tenantId, String idempotencyKey);

    /**
     * The leads captured with these idempotency keys (at most {@link #MAX_LOOKUP} distinct) in this tenant, in no
     * particular order; keys no lead carries are left out.
     */
    List<LeadRecord> findByIdempotencyKeys(String tenantId, Collection<String> idempotencyKeys);

    /**
     * The open leads whose {@code key} equals one of {@code values} (exactly, as stored), ordered by id
     * ({@link dev.crmkit.spi.Ids#ORDER}), at most {@code limit} (1 to {@link #MAX_LOOKUP}); an empty collection
     * finds none.
     */
    List<LeadRecord> findOpenByKey(String tenantId, LeadKey key, Collection<String> values, int limit);

    /**
     * The leads converted into this customer, in the order they converted (closedAt, then id), at most
     * {@code limit} (1 to {@link #MAX_LOOKUP}): where the customer came from, for its 360-degree view.
     */
    List<LeadRecord> convertedInto(String tenantId, UUID customerId, int limit);

    /**
     * One page of the leads {@code filter} selects ({@link LeadFilter#matches} is the reference meaning), ordered
     * by id ({@link dev.crmkit.spi.Ids#ORDER}); the cursor is the last id. Keyset paging neither skips nor repeats
     * a lead that exists for the whole walk.
     */
    Page<LeadRecord> find(String tenantId, LeadFilter filter, PageRequest page);

    /**
     * How many open leads each of these team members owns: every given id is a key of the result, with 0 when the
     * member owns none. Distribution asks this for the whole pool before every assignment, so its cost must not
     * grow with the tenant's leads: an adapter keeps the counts as state, changed in the same transaction as the
     * lead (insert or update of an open lead with an owner, a change of owner, closing or reopening), rather than
     * counting rows on every call.
     */
    Map<UUID, Integer> openCountsByOwner(String tenantId, Collection<UUID> ownerIds);

    /**
     * The leads created in {@code [from, to)} counted by source and status, ordered by source then status (in
     * declaration order); combinations without leads are left out, and
     * {@code from} at or after {@code to} finds none.
     */
    List<LeadTally> tally(String tenantId, Instant from, Instant to);

    /** The distribution state of a pool, if any assignment saved one. */
    Optional<LeadRotationRecord> rotation(String tenantId, String pool);

    /**
     * Saves a pool's distribution state: with {@code expectedVersion} 0 as the first state (version 1), else over
     * the stored state of that version; the stored record carries version {@code expectedVersion + 1}, whatever
     * the given one says. Returns the stored record.
     *
     * @throws ConflictException when a first state exists already, or the stored version differs (also when there
     *     is no stored state); nothing changes
     */
    LeadRotationRecord saveRotation(LeadRotationRecord rotation, long expectedVersion);
}
