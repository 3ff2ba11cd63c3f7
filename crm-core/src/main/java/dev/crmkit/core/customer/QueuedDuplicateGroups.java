package dev.crmkit.core.customer;

import dev.crmkit.model.Cursor;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.DuplicatePairRecord;
import dev.crmkit.spi.customer.DuplicatePairStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The duplicate groups of the review queue, a page at a time: the customers that open pairs scoring at least the
 * duplicate threshold connect, directly or through each other. A group is anchored at its best pair (highest score,
 * then pair id: the queue's order), and a page lists groups in the order of their anchors. The reader walks the
 * queue's open pairs in that order down to the threshold; at a pair it has not met in a group yet, it gathers the
 * pair's group by following each member's open pairs at or above the threshold, and lists the group when the pair is
 * the group's anchor (otherwise the group was listed at its anchor, earlier). Memory holds the groups this page
 * gathered, never the queue; nothing is compared or written.
 *
 * <p>The cursor is the queue's cursor of the pair page being read, with the last anchor read, so a page continues
 * strictly after that anchor whatever the queue gained or lost before it.
 */
final class QueuedDuplicateGroups {
    /** Open pairs read per queue page. */
    static final int PAIR_PAGE = 500;

    private static final Comparator<DuplicatePairRecord> QUEUE_ORDER = Comparator
            .comparingDouble((DuplicatePairRecord p) -> p.evidence().score()).reversed()
            .thenComparing(DuplicatePairRecord::id, Ids.ORDER);

    private final DuplicatePairStore pairs;
    private final String tenantId;
    private final double threshold;

    QueuedDuplicateGroups(DuplicatePairStore pairs, String tenantId, double duplicateThreshold) {
        this.pairs = pairs;
        this.tenantId = tenantId;
        this.threshold = duplicateThreshold;
    }

    Page<DuplicateGroup> page(PageRequest request) {
        Position position = Position.of(request.after());
        Cursor pairCursor = position.pairCursor();
        Set<UUID> gathered = new HashSet<>();
        List<DuplicateGroup> groups = new ArrayList<>();
        while (true) {
            Page<DuplicatePairRecord> queue = pairs.open(tenantId, null, new PageRequest(PAIR_PAGE, pairCursor));
            for (DuplicatePairRecord pair : queue.items()) {
                if (pair.evidence().score() < threshold) {
                    return new Page<>(groups, Optional.empty());
                }
                if (position.passed(pair) || gathered.contains(pair.firstCustomerId())) {
                    continue;
                }
                Group group = gather(pair);
                gathered.addAll(group.members);
                if (group.anchor.id().equals(pair.id())) {
                    groups.add(new DuplicateGroup(group.members, group.reasons));
                    if (groups.size() == request.limit()) {
                        return new Page<>(groups, Optional.of(new Position(pairCursor, pair).cursor()));
                    }
                }
            }
            if (!queue.hasNext()) {
                return new Page<>(groups, Optional.empty());
            }
            pairCursor = queue.next().orElseThrow();
        }
    }

    /** The group of the pair's two customers: every customer its open pairs at or above the threshold reach. */
    private Group gather(DuplicatePairRecord start) {
        Set<UUID> members = new LinkedHashSet<>(List.of(start.firstCustomerId(), start.secondCustomerId()));
        Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
        DuplicatePairRecord anchor = start;
        Deque<UUID> toVisit = new ArrayDeque<>(members);
        while (!toVisit.isEmpty()) {
            UUID member = toVisit.poll();
            for (DuplicatePairRecord pair : pairsOf(member)) {
                DuplicatePair.of(pair).reasons().forEach(reasons::add);
                if (QUEUE_ORDER.compare(pair, anchor) < 0) {
                    anchor = pair;
                }
                UUID other = pair.firstCustomerId().equals(member) ? pair.secondCustomerId() : pair.firstCustomerId();
                if (members.add(other)) {
                    toVisit.add(other);
                }
            }
        }
        return new Group(members, reasons, anchor);
    }

    /** The customer's open pairs scoring at least the threshold (the queue gives them highest score first). */
    private List<DuplicatePairRecord> pairsOf(UUID customerId) {
        List<DuplicatePairRecord> found = new ArrayList<>();
        PageRequest request = PageRequest.first(PAIR_PAGE);
        while (true) {
            Page<DuplicatePairRecord> page = pairs.open(tenantId, customerId, request);
            for (DuplicatePairRecord pair : page.items()) {
                if (pair.evidence().score() < threshold) {
                    return found;
                }
                found.add(pair);
            }
            if (!page.hasNext()) {
                return found;
            }
            request = request.next(page.next().orElseThrow());
        }
    }

    private record Group(Set<UUID> members, Set<MatchReason> reasons, DuplicatePairRecord anchor) {
    }

    /**
     * Where a page of groups stopped: the queue cursor its last pair page was read after (null for the first), and
     * the score and id of the last anchor listed (null before the first page).
     */
    private record Position(Cursor pairCursor, Double score, UUID pairId) {
        Position(Cursor pairCursor, DuplicatePairRecord anchor) {
            this(pairCursor, anchor.evidence().score(), anchor.id());
        }

        static Position of(Cursor cursor) {
            if (cursor == null) {
                return new Position(null, null, null);
            }
            List<String> keys = cursor.keys(3);
            try {
                Cursor pairCursor = keys.get(0).isEmpty() ? null : new Cursor(keys.get(0));
                return new Position(pairCursor, Double.parseDouble(keys.get(1)), UUID.fromString(keys.get(2)));
            } catch (IllegalArgumentException e) {
                throw new ValidationException("cursor", "is not a cursor this library issued");
            }
        }

        Cursor cursor() {
            return Cursor.of(List.of(pairCursor == null ? "" : pairCursor.token(), Double.toString(score),
                    pairId.toString()));
        }

        /** Whether the pair comes at or before the last anchor listed, in the queue's order. */
        boolean passed(DuplicatePairRecord pair) {
            if (pairId == null) {
                return false;
            }
            double s = pair.evidence().score();
            return s > score || (s == score && Ids.ORDER.compare(pair.id(), pairId) <= 0);
        }
    }
}
