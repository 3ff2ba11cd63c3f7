package dev.crmkit.core.customer;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.EventType;
import dev.crmkit.model.customer.DuplicateSource;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything that happens to a suspected duplicate pair in the review queue, in the past tense: aggregate type
 * {@code duplicate-pair}, aggregate id the pair's id, so a pair's events are delivered in order. Payloads carry ids,
 * scores and codes, never personal data; a dismissal's reason stays in storage.
 */
public sealed interface DuplicatePairEvent extends DomainEvent {
    /** The pair the event is about. */
    UUID pairId();

    @Override
    default String aggregateType() {
        return "duplicate-pair";
    }

    @Override
    default String aggregateId() {
        return pairId().toString();
    }

    /**
     * Matching found two customers that may be one party and put the pair in the queue; the customers are in id
     * order, the score, reasons and contributions are those of {@link DuplicateCandidate}.
     */
    @EventType("duplicate-pair.suspected")
    record DuplicatePairSuspected(String tenantId, UUID pairId, UUID firstCustomerId, UUID secondCustomerId,
            double score, Set<MatchReason> reasons, Map<MatchField, Double> contributions, DuplicateSource source,
            Instant occurredAt) implements DuplicatePairEvent {
        /** Copies the reasons and contributions. */
        public DuplicatePairSuspected {
            reasons = Set.copyOf(reasons);
            contributions = Map.copyOf(contributions);
        }
    }

    /** Matching found an open pair again and scored it differently; the new score, reasons and contributions. */
    @EventType("duplicate-pair.rescored")
    record DuplicatePairRescored(String tenantId, UUID pairId, UUID firstCustomerId, UUID secondCustomerId,
            double score, Set<MatchReason> reasons, Map<MatchField, Double> contributions, DuplicateSource source,
            Instant occurredAt) implements DuplicatePairEvent {
        /** Copies the reasons and contributions. */
        public DuplicatePairRescored {
            reasons = Set.copyOf(reasons);
            contributions = Map.copyOf(contributions);
        }
    }

    /** A reviewer decided the two are different parties; matching no longer suggests the pair. */
    @EventType("duplicate-pair.dismissed")
    record DuplicatePairDismissed(String tenantId, UUID pairId, UUID firstCustomerId, UUID secondCustomerId,
            Actor actor, Instant occurredAt) implements DuplicatePairEvent {
    }

    /** A reviewer put a dismissed pair back in the queue. */
    @EventType("duplicate-pair.reopened")
    record DuplicatePairReopened(String tenantId, UUID pairId, UUID firstCustomerId, UUID secondCustomerId,
            Actor actor, Instant occurredAt) implements DuplicatePairEvent {
    }

    /** The pair was resolved by merging {@code mergedId} into {@code survivorId} (see {@code customer.merged}). */
    @EventType("duplicate-pair.merged")
    record DuplicatePairMerged(String tenantId, UUID pairId, UUID survivorId, UUID mergedId, Actor actor,
            Instant occurredAt) implements DuplicatePairEvent {
    }

    /**
     * The open pair left the queue because one of its customers, {@code mergedId}, was merged into a third one,
     * {@code survivorId}: no pair points at a merged-away customer.
     */
    @EventType("duplicate-pair.closed")
    record DuplicatePairClosed(String tenantId, UUID pairId, UUID firstCustomerId, UUID secondCustomerId,
            UUID mergedId, UUID survivorId, Instant occurredAt) implements DuplicatePairEvent {
    }
}
