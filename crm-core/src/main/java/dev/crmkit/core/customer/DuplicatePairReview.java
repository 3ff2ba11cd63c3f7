package dev.crmkit.core.customer;

import dev.crmkit.core.common.Actor;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.customer.DuplicatePairStatus;
import dev.crmkit.spi.customer.DuplicateDecision;
import dev.crmkit.spi.customer.DuplicatePairRecord;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of one suspected duplicate pair under review. Its life, in one table:
 *
 * <pre>
 * OPEN -> DISMISSED -> OPEN      a reviewer dismisses; a reviewer reopens
 * OPEN -> MERGED                 the two were merged
 * OPEN -> CLOSED                 one of the two was merged into a third customer
 * </pre>
 *
 * Any other move throws {@link IllegalTransitionException} naming both states. Each behaviour returns the record the
 * pair now holds with the event it caused; the caller stores the record with the version it loaded.
 */
final class DuplicatePairReview {
    private static final Map<DuplicatePairStatus, Set<DuplicatePairStatus>> TRANSITIONS = Map.of(
            DuplicatePairStatus.OPEN, EnumSet.of(DuplicatePairStatus.DISMISSED, DuplicatePairStatus.MERGED,
                    DuplicatePairStatus.CLOSED),
            DuplicatePairStatus.DISMISSED, EnumSet.of(DuplicatePairStatus.OPEN),
            DuplicatePairStatus.MERGED, EnumSet.noneOf(DuplicatePairStatus.class),
            DuplicatePairStatus.CLOSED, EnumSet.noneOf(DuplicatePairStatus.class));

    private final DuplicatePairRecord pair;

    DuplicatePairReview(DuplicatePairRecord pair) {
        this.pair = pair;
    }

    /** The record a behaviour leaves and the event it records. */
    record Change(DuplicatePairRecord after, DuplicatePairEvent event) {
    }

    Change dismiss(Actor actor, String reason, Instant now) {
        DuplicatePairRecord after = moveTo(DuplicatePairStatus.DISMISSED,
                new DuplicateDecision(DuplicatePair.storedActor(actor), now, reason), now);
        return new Change(after, new DuplicatePairEvent.DuplicatePairDismissed(pair.tenantId(), pair.id(),
                pair.firstCustomerId(), pair.secondCustomerId(), actor, now));
    }

    Change reopen(Actor actor, Instant now) {
        DuplicatePairRecord after = moveTo(DuplicatePairStatus.OPEN,
                new DuplicateDecision(DuplicatePair.storedActor(actor), now, null), now);
        return new Change(after, new DuplicatePairEvent.DuplicatePairReopened(pair.tenantId(), pair.id(),
                pair.firstCustomerId(), pair.secondCustomerId(), actor, now));
    }

    Change merge(UUID survivorId, Actor actor, Instant now) {
        DuplicatePairRecord after = moveTo(DuplicatePairStatus.MERGED,
                new DuplicateDecision(DuplicatePair.storedActor(actor), now, null), now);
        return new Change(after, new DuplicatePairEvent.DuplicatePairMerged(pair.tenantId(), pair.id(), survivorId,
                pair.otherThan(survivorId), actor, now));
    }

    /** The pair leaves the queue: {@code mergedId}, one of its two, was merged into a third customer. */
    Change close(UUID mergedId, UUID survivorId, Instant now) {
        DuplicatePairRecord after = moveTo(DuplicatePairStatus.CLOSED, pair.decision(), now);
        return new Change(after, new DuplicatePairEvent.DuplicatePairClosed(pair.tenantId(), pair.id(),
                pair.firstCustomerId(), pair.secondCustomerId(), mergedId, survivorId, now));
    }

    private DuplicatePairRecord moveTo(DuplicatePairStatus to, DuplicateDecision decision, Instant now) {
        if (!TRANSITIONS.get(pair.status()).contains(to)) {
            throw new IllegalTransitionException("duplicate pair", pair.status(), to);
        }
        return new DuplicatePairRecord(pair.tenantId(), pair.id(), pair.version(), pair.createdAt(), now,
                pair.firstCustomerId(), pair.secondCustomerId(), pair.evidence(), to, decision);
    }
}
