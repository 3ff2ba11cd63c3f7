package dev.crmkit.core.customer;

import dev.crmkit.core.common.Actor;
import dev.crmkit.model.customer.DuplicatePairStatus;
import dev.crmkit.model.customer.DuplicateSource;
import dev.crmkit.spi.customer.DuplicateDecision;
import dev.crmkit.spi.customer.DuplicatePairRecord;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A suspected duplicate pair as a reviewer sees it in the queue: two customers (in id order) that matching suspects
 * to be one party, why (score, reasons and each field's contribution, as in {@link DuplicateCandidate}), which path
 * found them and when, where the pair stands, and the last decision. {@code version} is what a decision names
 * ({@link CustomerService#dismissDuplicate}), so a reviewer decides on what they saw.
 *
 * @param id the pair's id
 * @param version the pair's version, raised by every rescoring and decision
 * @param firstCustomerId one customer, the one sorting first
 * @param secondCustomerId the other
 * @param score 0 to 1, three decimals
 * @param reasons the fields that agreed
 * @param contributions each compared field's weight
 * @param source the path that last found the pair
 * @param foundAt when it was last found
 * @param status where it stands
 * @param decision the last decision, or null when none was taken
 */
public record DuplicatePair(UUID id, long version, UUID firstCustomerId, UUID secondCustomerId, double score,
        Set<MatchReason> reasons, Map<MatchField, Double> contributions, DuplicateSource source, Instant foundAt,
        DuplicatePairStatus status, Decision decision) {

    /** Copies the reasons and contributions. */
    public DuplicatePair {
        reasons = reasons.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(reasons));
        contributions = Collections.unmodifiableMap(contributions.isEmpty() ? new EnumMap<>(MatchField.class)
                : new EnumMap<>(contributions));
    }

    /**
     * A reviewer's decision.
     *
     * @param actor who decided
     * @param decidedAt when
     * @param reason why, for a dismissal; null otherwise
     */
    public record Decision(Actor actor, Instant decidedAt, String reason) {
    }

    /** Whether the customer is one of the pair's two. */
    public boolean involves(UUID customerId) {
        return firstCustomerId.equals(customerId) || secondCustomerId.equals(customerId);
    }

    /** The other customer of the pair, seen from one of its two. */
    public UUID otherThan(UUID customerId) {
        return firstCustomerId.equals(customerId) ? secondCustomerId : firstCustomerId;
    }

    static DuplicatePair of(DuplicatePairRecord r) {
        Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
        r.evidence().reasons().forEach(code -> reasons.add(MatchReason.valueOf(code)));
        Map<MatchField, Double> contributions = new EnumMap<>(MatchField.class);
        r.evidence().contributions().forEach((code, weight) -> contributions.put(MatchField.valueOf(code), weight));
        return new DuplicatePair(r.id(), r.version(), r.firstCustomerId(), r.secondCustomerId(), r.evidence().score(),
                reasons, contributions, r.evidence().source(), r.evidence().foundAt(), r.status(),
                decision(r.decision()));
    }

    private static Decision decision(DuplicateDecision d) {
        if (d == null) {
            return null;
        }
        int colon = d.decidedBy().indexOf(':');
        Actor actor = new Actor(d.decidedBy().substring(colon + 1),
                Actor.Kind.valueOf(d.decidedBy().substring(0, colon)));
        return new Decision(actor, d.decidedAt(), d.reason());
    }

    /** How a decision's actor is stored: {@code KIND:id}. */
    static String storedActor(Actor actor) {
        return actor.kind().name() + ":" + actor.id();
    }
}
