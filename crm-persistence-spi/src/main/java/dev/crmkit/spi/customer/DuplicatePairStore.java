package dev.crmkit.spi.customer;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The review queue of suspected duplicate customers: one {@link DuplicatePairRecord} per tenant and normalised pair of
 * customers, whatever its status. Every method is scoped by {@code tenantId}; a pair of another tenant is not found.
 */
public interface DuplicatePairStore {
    /** The most customer ids {@link #among} takes. */
    int MAX_IDS = 1000;

    /** What {@link #suspect} did. */
    enum Outcome {
        /** The tenant had no pair of the two customers: the given record was inserted. */
        INSERTED,
        /** An open pair of the two had other evidence: its evidence was replaced, its version raised by one. */
        RESCORED,
        /** The pair was decided (dismissed, merged, closed), or open with the same finding: nothing changed. */
        UNCHANGED
    }

    /**
     * The stored pair after a {@link #suspect} call and what the call did.
     *
     * @param pair the pair as stored now
     * @param outcome what the call did
     */
    record Suspicion(DuplicatePairRecord pair, Outcome outcome) {
    }

    /**
     * Records a pair matching found. Inserts {@code pair} (version 1, {@link dev.crmkit.model.customer.DuplicatePairStatus#OPEN
     * OPEN}, no decision) when the tenant has no pair of its two customers; when it has an open one whose evidence
     * differs in score, reasons or contributions ({@link DuplicateEvidence#sameFindingAs}), replaces that pair's
     * evidence with the given one, raises its version by one and sets {@code updatedAt} to {@code pair.updatedAt()};
     * otherwise changes nothing: a dismissed, merged or closed pair stays as it is. Atomic per pair: when units record
     * the same pair at once, on one node or several, one inserts it and the others find it (they wait for the first to
     * commit, where the backend locks), so the tenant holds one pair of two customers, never two.
     *
     * @throws dev.crmkit.model.ValidationException ({@code pair}) when it is null; ({@code version}, {@code status},
     *     {@code decision}) when it is not a new open pair
     */
    Suspicion suspect(DuplicatePairRecord pair);

    /** The pair with this id, any status. */
    Optional<DuplicatePairRecord> get(String tenantId, UUID id);

    /**
     * Replaces a pair's status, decision and evidence, raising its version by one; the two customers of a pair never
     * change.
     *
     * @return the pair as stored
     * @throws dev.crmkit.model.NotFoundException when the tenant has no such pair
     * @throws dev.crmkit.model.ConflictException when the stored version is not {@code expectedVersion}; nothing
     *     changes
     * @throws dev.crmkit.model.ValidationException ({@code pair}) when null; ({@code firstCustomerId}) when the
     *     customers differ from the stored ones
     */
    DuplicatePairRecord update(DuplicatePairRecord pair, long expectedVersion);

    /**
     * One page of the tenant's open pairs, highest score first and, at equal scores, by id in {@link
     * dev.crmkit.spi.Ids#ORDER}; only those involving {@code customerId} (as either customer) when it is not null.
     * Keyset paging: a reader that follows {@code next} until it is absent sees every pair that stayed open with its
     * score throughout exactly once.
     *
     * @throws dev.crmkit.model.ValidationException ({@code page}) when null; ({@code cursor}) for a cursor of another
     *     query
     */
    Page<DuplicatePairRecord> open(String tenantId, UUID customerId, PageRequest page);

    /**
     * Every pair, of any status, whose two customers are both among {@code customerIds} (at most {@link #MAX_IDS}
     * distinct; an empty collection finds none), in no particular order: what matching asks before it suggests a pair
     * again.
     *
     * @throws dev.crmkit.model.ValidationException ({@code customerIds}) when the collection is null, holds null or
     *     more than {@link #MAX_IDS} distinct ids
     */
    List<DuplicatePairRecord> among(String tenantId, Collection<UUID> customerIds);
}
