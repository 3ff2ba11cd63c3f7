package dev.crmkit.spi.opportunity;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.opportunity.OpportunityFilter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Opportunities with their line items, contact roles and competitors, their append-only stage history, and the
 * sales reports over them ({@link SalesReportQueries}). Scoped by tenant in every call; ids of other records
 * (customer, pipeline, owner) are stored as given and not checked here.
 */
public interface OpportunityStore extends SalesReportQueries {
    /**
     * Stores a new deal at version 1 with its line items (in order), contacts and competitors.
     *
     * @throws DuplicateException with {@code key() = "id"} when the tenant has a deal with that id; nothing is stored
     * @throws dev.crmkit.model.ValidationException when the version is not 1
     */
    OpportunityRecord insert(OpportunityRecord opportunity);

    /**
     * Replaces a deal whose stored version is {@code expectedVersion} with {@code opportunity} (same tenant and
     * id), children included, at version {@code expectedVersion + 1}; createdAt stays as stored. Returns the
     * stored record.
     *
     * @throws NotFoundException when there is no such deal in the tenant
     * @throws ConflictException when the stored version differs; nothing changes
     */
    OpportunityRecord update(OpportunityRecord opportunity, long expectedVersion);

    /**
     * Takes the deal's row lock for the rest of the caller's unit of work: a second unit locking (or updating) the
     * same deal waits until this unit has committed or rolled back, and then sees what it committed. Every unit that
     * changes a deal or records deal events takes this lock before it reads what it checks and before it appends
     * its events, so the outbox sequence of one deal's events is the order in which their units committed (see
     * {@link dev.crmkit.spi.outbox.OutboxStore}). The lock is the row's: it is held whatever the record says
     * (merged or closed), does not change the record or its version, and is released at commit or rollback. Outside
     * a unit the call is a unit of its own and only checks that the deal exists. Units that lock several
     * deals should lock them in {@link dev.crmkit.spi.Ids#ORDER}; a deadlock among units is reported as for
     * any other statement (a retryable {@link ConflictException}).
     *
     * @throws NotFoundException when the tenant has no deal with this id; nothing is locked
     */
    void lock(String tenantId, UUID id);

    /**
     * Moves every deal of {@code fromCustomerId} to {@code toCustomerId}, and every contact role the person
     * {@code fromCustomerId} holds on a deal to the person {@code toCustomerId} (a role the latter holds on that deal
     * already is dropped instead), for a customer merge: each deal changed once, at version + 1 with updatedAt
     * {@code now}, everything else (line items, competitors, stage history) as stored. Returns how many deals changed.
     */
    int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now);

    /** The deal with this id in this tenant. */
    Optional<OpportunityRecord> get(String tenantId, UUID id);

    /**
     * One page of the deals {@code filter} selects ({@link OpportunityFilter#matches} is the reference meaning),
     * ordered by id in {@code Ids.ORDER}; the cursor is the last id. Keyset paging neither skips nor repeats a deal
     * that exists for the whole walk.
     */
    Page<OpportunityRecord> find(String tenantId, OpportunityFilter filter, PageRequest page);

    /**
     * Appends one entry to a deal's stage history. Entries are never changed or removed.
     *
     * @throws DuplicateException with {@code key() = "id"} when the tenant has an entry with that id
     */
    StageChangeRecord appendStageChange(StageChangeRecord change);

    /**
     * A deal's stage history, oldest first: ordered by {@code changedAt}, then id in {@code Ids.ORDER}; empty for
     * an unknown deal. A deal's history is short (one entry per stage change), so it comes whole.
     */
    List<StageChangeRecord> stageHistory(String tenantId, UUID opportunityId);
}
