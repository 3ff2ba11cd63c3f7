package dev.crmkit.core.customer;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.DuplicatePairStatus;
import dev.crmkit.model.customer.DuplicateSource;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.DuplicateEvidence;
import dev.crmkit.spi.customer.DuplicatePairRecord;
import dev.crmkit.spi.customer.DuplicatePairStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The review queue of suspected duplicates, inside the caller's unit: puts the pairs matching finds into the queue
 * (a pair found again while open is rescored, a decided one is left alone), answers which pairs were dismissed so
 * matching does not suggest them again, applies a reviewer's decisions through {@link DuplicatePairReview}, and after a
 * merge closes the merged customer's open pairs so none points at a merged-away customer.
 */
final class DuplicateReviews {
    /** Open pairs read per page when a merge closes them. */
    private static final int PAGE = 200;

    private final DomainContext context;
    private final DuplicatePairStore pairs;
    private final String tenantId;

    DuplicateReviews(DomainContext context, String tenantId) {
        this.context = context;
        this.pairs = context.storage(CustomerStorage.class).duplicatePairs();
        this.tenantId = tenantId;
    }

    /** Two customers in id order: how a pair is keyed whichever way round it was found. */
    record PairKey(UUID first, UUID second) {
        static PairKey of(UUID a, UUID b) {
            return Ids.ORDER.compare(a, b) <= 0 ? new PairKey(a, b) : new PairKey(b, a);
        }
    }

    /** A pair matching found: a customer and a candidate for being the same party. */
    record Found(UUID customerId, DuplicateCandidate candidate) {
    }

    /** Puts each found pair in the queue and records what that did. */
    void suspect(List<Found> found, DuplicateSource source) {
        Instant now = context.now();
        List<DuplicatePairEvent> events = new ArrayList<>();
        for (Found f : found) {
            DuplicateCandidate c = f.candidate();
            DuplicateEvidence evidence = evidence(c, source, now);
            DuplicatePairStore.Suspicion s = pairs.suspect(DuplicatePairRecord.of(tenantId, context.ids().next(),
                    f.customerId(), c.customerId(), evidence));
            DuplicatePairRecord p = s.pair();
            if (s.outcome() == DuplicatePairStore.Outcome.INSERTED) {
                events.add(new DuplicatePairEvent.DuplicatePairSuspected(tenantId, p.id(), p.firstCustomerId(),
                        p.secondCustomerId(), c.score(), c.reasons(), c.contributions(), source, now));
            } else if (s.outcome() == DuplicatePairStore.Outcome.RESCORED) {
                events.add(new DuplicatePairEvent.DuplicatePairRescored(tenantId, p.id(), p.firstCustomerId(),
                        p.secondCustomerId(), c.score(), c.reasons(), c.contributions(), source, now));
            }
        }
        context.events().record(events);
    }

    /** What the queue keeps of a candidate: its score to three decimals, reasons and contributions. */
    static DuplicateEvidence evidence(DuplicateCandidate c, DuplicateSource source, Instant now) {
        Map<String, Double> contributions = new HashMap<>();
        c.contributions().forEach((field, weight) -> contributions.put(field.name(), weight));
        return new DuplicateEvidence(Math.round(c.score() * 1000) / 1000.0,
                c.reasons().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()), contributions,
                source, now);
    }

    /** {@link #suspect(List, DuplicateSource)} for the candidates of one customer. */
    void suspect(UUID customerId, List<DuplicateCandidate> candidates, DuplicateSource source) {
        suspect(candidates.stream().map(c -> new Found(customerId, c)).toList(), source);
    }

    /**
     * The pairs of each customer with its candidates that a reviewer dismissed: a lookup per 1,000 customer ids,
     * customers with their candidates kept together.
     */
    static Set<PairKey> dismissed(DuplicatePairStore pairs, String tenantId,
            Map<UUID, ? extends Collection<UUID>> candidates) {
        Set<PairKey> dismissed = new java.util.HashSet<>();
        stored(pairs, tenantId, candidates).forEach((key, p) -> {
            if (p.status() == DuplicatePairStatus.DISMISSED) {
                dismissed.add(key);
            }
        });
        return dismissed;
    }

    /**
     * The stored pairs, of any status, among each customer and its candidates (and possibly a few more among the
     * customers looked up together): a lookup per 1,000 customer ids, customers with their candidates kept together.
     */
    static Map<PairKey, DuplicatePairRecord> stored(DuplicatePairStore pairs, String tenantId,
            Map<UUID, ? extends Collection<UUID>> candidates) {
        Map<PairKey, DuplicatePairRecord> stored = new HashMap<>();
        Set<UUID> batch = new LinkedHashSet<>();
        for (Map.Entry<UUID, ? extends Collection<UUID>> e : candidates.entrySet()) {
            List<UUID> others = List.copyOf(e.getValue());
            for (int from = 0; from < others.size(); from += DuplicatePairStore.MAX_IDS - 1) {
                List<UUID> chunk = others.subList(from, Math.min(others.size(), from + DuplicatePairStore.MAX_IDS - 1));
                Set<UUID> group = new LinkedHashSet<>(chunk);
                group.add(e.getKey());
                Set<UUID> joined = new LinkedHashSet<>(batch);
                joined.addAll(group);
                if (joined.size() > DuplicatePairStore.MAX_IDS) {
                    collect(pairs, tenantId, batch, stored);
                    batch = group;
                } else {
                    batch = joined;
                }
            }
        }
        collect(pairs, tenantId, batch, stored);
        return stored;
    }

    private static void collect(DuplicatePairStore pairs, String tenantId, Set<UUID> ids,
            Map<PairKey, DuplicatePairRecord> into) {
        if (ids.size() < 2) {
            return;
        }
        for (DuplicatePairRecord p : pairs.among(tenantId, ids)) {
            into.put(new PairKey(p.firstCustomerId(), p.secondCustomerId()), p);
        }
    }

    /** One page of the open queue, only the pairs of {@code customerId} when it is not null. */
    Page<DuplicatePair> open(UUID customerId, PageRequest page) {
        Page<DuplicatePairRecord> records = pairs.open(tenantId, customerId, page);
        return new Page<>(records.items().stream().map(DuplicatePair::of).toList(), records.next());
    }

    /** The pair with this id, as it is stored now. */
    DuplicatePairRecord get(UUID pairId) {
        return pairs.get(tenantId, pairId).orElseThrow(() -> new NotFoundException("duplicate pair", pairId));
    }

    /** The pair, checked to be at the version the reviewer saw. */
    DuplicatePairRecord expect(UUID pairId, long expectedVersion) {
        DuplicatePairRecord pair = get(pairId);
        if (pair.version() != expectedVersion) {
            throw ConflictException.staleVersion("duplicate pair", pairId, expectedVersion);
        }
        return pair;
    }

    /** Stores what a decision left, compare-and-set on the version loaded, and records its event. */
    DuplicatePairRecord apply(DuplicatePairRecord before, DuplicatePairReview.Change change) {
        DuplicatePairRecord stored = pairs.update(change.after(), before.version());
        context.events().record(change.event());
        return stored;
    }

    /**
     * After {@code mergedId} was merged into {@code survivorId}: its open pair with the survivor is merged, its open
     * pairs with anyone else are closed.
     */
    void afterMerge(UUID survivorId, UUID mergedId, Actor actor) {
        Instant now = context.now();
        while (true) {
            Page<DuplicatePairRecord> page = pairs.open(tenantId, mergedId, PageRequest.first(PAGE));
            for (DuplicatePairRecord pair : page.items()) {
                DuplicatePairReview review = new DuplicatePairReview(pair);
                apply(pair, pair.involves(survivorId) ? review.merge(survivorId, actor, now)
                        : review.close(mergedId, survivorId, now));
            }
            // each page's pairs leave the open queue, so the next first page holds the rest
            if (!page.hasNext()) {
                return;
            }
        }
    }
}
