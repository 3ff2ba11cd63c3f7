package dev.crmkit.spi.touchpoint;

import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.touchpoint.ChannelActivity;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.model.touchpoint.TimelineFilter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Interactions, scoped by tenant in every call. Interactions are facts: they are recorded and moved between
 * customers on a merge, never edited or deleted through this contract.
 */
public interface InteractionStore {
    /**
     * Stores a new interaction at version 1.
     *
     * @throws DuplicateException with {@code key() = "id"} when the id exists in the tenant, or
     *     {@code key() = "idempotencyKey"} when the key does; nothing is stored
     */
    InteractionRecord insert(InteractionRecord interaction);

    /** Stores many new interactions as one batch, all or nothing; duplicates as {@link #insert}. */
    void insertAll(List<InteractionRecord> interactions);

    /** The interaction with this id in this tenant. */
    Optional<InteractionRecord> get(String tenantId, UUID id);

    /** The interaction recorded with this idempotency key in this tenant. */
    Optional<InteractionRecord> findByIdempotencyKey(String tenantId, String idempotencyKey);

    /**
     * One page of a customer's interactions that pass the filter, newest first: ordered by occurredAt
     * descending, then id descending. Keyset paging neither skips nor repeats rows while others are inserted.
     */
    Page<InteractionRecord> timeline(String tenantId, UUID customerId, TimelineFilter filter, PageRequest page);

    /** Per channel on which the customer had interactions: their count and the latest occurredAt; ordered by channel. */
    List<ChannelActivity> activityByChannel(String tenantId, UUID customerId);

    /**
     * How many interactions of the customer with this direction and purpose occurred at or after {@code since};
     * for frequency caps ({@code OUTBOUND}, {@code MARKETING}, the last N days).
     */
    long count(String tenantId, UUID customerId, Direction direction, Purpose purpose, Instant since);

    /**
     * Moves every interaction of {@code fromCustomerId} to {@code toCustomerId}, raising each one's version by 1
     * and setting its updatedAt to {@code now}.
     *
     * @return how many moved
     */
    int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now);
}
