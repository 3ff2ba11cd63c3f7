package dev.crmkit.core.customer;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.DuplicatePairStatus;
import dev.crmkit.model.customer.DuplicateSource;
import dev.crmkit.spi.TransactionRunner;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.DuplicateJobRecord;
import dev.crmkit.spi.customer.DuplicatePairRecord;
import dev.crmkit.spi.customer.DuplicateJobRecord.Checkpoint;
import dev.crmkit.spi.customer.DuplicateJobRecord.Phase;
import dev.crmkit.spi.customer.DuplicateJobStore;
import dev.crmkit.spi.customer.MatchKeyRecord;
import dev.crmkit.spi.customer.MatchKeyStore;
import dev.crmkit.spi.customer.SharedValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The bulk duplicate job of one tenant: walks the blocks of matching in the database, a batch at a time, and compares
 * the customers of each block with {@link MatchRules}, as registration does. A block is a blocking key two or more
 * customers hold ({@link MatchKeyStore#sharedKeys}, in key order), then an e-mail address, then a phone number two or
 * more share ({@link dev.crmkit.spi.customer.ContactPointStore#sharedValues}). Pairs scoring at least the possible
 * threshold enter the review queue (source {@code BULK_JOB}), except those a reviewer dismissed.
 *
 * <p>Memory is bounded by a batch, not by the tenant: about {@value #HOLDERS_PER_BATCH} customers' profiles and the
 * pairs they yield. A key held by more than {@value #WINDOW} customers is compared window against window, two windows
 * of {@value #WINDOW} in memory at a time, so every pair of its holders is compared however many there are (the time
 * grows with the square of the holders). An e-mail or phone held by more than {@value DuplicateMatcher#VALUE_LOOKUP}
 * customers is not a block: as at registration it counts for nothing in a score, and its holders meet through their
 * other keys.
 *
 * <p>Each batch's pairs and the checkpoint after it ({@link DuplicateJobStore}) commit in one unit, so a run started
 * again after a stop or a crash continues after the last committed batch. A run holds the job by a lease in the
 * checkpoint, taken and renewed by compare-and-set on its version: a second run, on this node or another, is refused
 * while the lease lasts, and takes the job over once it has passed (its holder crashed).
 */
final class DuplicateJob {
    static final String NAME = "duplicates";
    /** Shared keys read per query. */
    static final int KEYS_PER_READ = MatchKeyStore.MAX_KEYS;
    /** About how many customers one batch compares. */
    static final int HOLDERS_PER_BATCH = 2000;
    /** The holders of a larger key are compared window against window. */
    static final int WINDOW = 1000;
    /** Shared e-mail addresses or phone numbers per batch. */
    static final int VALUES_PER_BATCH = 200;
    /** How long a run holds the job without committing a batch before another may take it over. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final DomainContext context;
    private final CustomerStorage storage;
    private final String tenantId;
    private final MatchSettings settings;
    private final DuplicateMatcher matcher;
    private final DuplicateReviews reviews;
    private final DuplicateJobStore jobs;
    private final String owner;
    private DuplicateJobRecord held;

    DuplicateJob(DomainContext context, String tenantId, MatchSettings settings, DuplicateReviews reviews) {
        this.context = context;
        this.storage = context.storage(CustomerStorage.class);
        this.tenantId = tenantId;
        this.settings = settings;
        this.matcher = new DuplicateMatcher(context.storage(), tenantId, settings);
        this.reviews = reviews;
        this.jobs = storage.duplicateJobs();
        this.owner = context.ids().next().toString();
    }

    DuplicateJobProgress run(Predicate<DuplicateJobProgress> afterEachBatch) {
        boolean resumed = take();
        try {
            while (held.checkpoint().phase() != Phase.DONE) {
                Checkpoint next = switch (held.checkpoint().phase()) {
                    case KEYS -> keysBatch(held.checkpoint());
                    case EMAILS -> valuesBatch(held.checkpoint(), ContactPointKind.EMAIL, Phase.PHONES);
                    case PHONES -> valuesBatch(held.checkpoint(), ContactPointKind.PHONE, Phase.DONE);
                    case DONE -> throw new IllegalStateException("done");
                };
                if (next.phase() == Phase.DONE) {
                    held = save(next, null);
                    break;
                }
                if (!afterEachBatch.test(progress(next, resumed))) {
                    held = save(held.checkpoint(), null);
                    return progress(held.checkpoint(), resumed);
                }
            }
            DuplicateJobProgress done = progress(held.checkpoint(), resumed);
            afterEachBatch.test(done);
            return done;
        } catch (RuntimeException e) {
            release(e);
            throw e;
        }
    }

    /** Takes the job: a fresh walk after a finished one, else the stopped walk's checkpoint. */
    private boolean take() {
        Instant now = context.now();
        DuplicateJobRecord stored = jobs.get(tenantId, NAME).orElse(null);
        if (stored != null && stored.heldByAnotherAt(owner, now)) {
            throw busy(null);
        }
        Checkpoint from = stored == null || stored.checkpoint().phase() == Phase.DONE ? Checkpoint.start()
                : stored.checkpoint();
        DuplicateJobRecord mine = new DuplicateJobRecord(tenantId, context.ids().next(), 1, now, now, NAME, from,
                owner, now.plus(LEASE));
        try {
            held = jobs.save(mine, stored == null ? 0 : stored.version());
        } catch (ConflictException e) {
            throw busy(e);
        }
        return !from.equals(Checkpoint.start());
    }

    private ConflictException busy(ConflictException cause) {
        ConflictException busy = new ConflictException("the duplicate job of this tenant is running", false);
        if (cause != null) {
            busy.initCause(cause);
        }
        return busy;
    }

    /** Stores the checkpoint over the version this run holds; {@code leaseOwner} null gives the job up. */
    private DuplicateJobRecord save(Checkpoint checkpoint, String leaseOwner) {
        Instant now = context.now();
        return jobs.save(new DuplicateJobRecord(tenantId, held.id(), held.version(), held.createdAt(), now, NAME,
                checkpoint, leaseOwner, leaseOwner == null ? null : now.plus(LEASE)), held.version());
    }

    private void release(RuntimeException failure) {
        try {
            held = save(held.checkpoint(), null);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static DuplicateJobProgress progress(Checkpoint c, boolean resumed) {
        return new DuplicateJobProgress(DuplicateJobProgress.Phase.valueOf(c.phase().name()), c.blocksDone(),
                c.pairsFound(), resumed);
    }

    /** One batch of shared keys, or one key held by more than a window, after the checkpoint's key. */
    private Checkpoint keysBatch(Checkpoint at) {
        List<MatchKeyStore.SharedKey> shared = storage.matchKeys().sharedKeys(tenantId, at.position(),
                KEYS_PER_READ);
        if (shared.isEmpty()) {
            return commit(List.of(), new Checkpoint(Phase.EMAILS, null, at.blocksDone(), at.pairsFound()));
        }
        if (shared.get(0).holders() > WINDOW) {
            MatchKeyStore.SharedKey key = shared.get(0);
            long pairs = compareWindows(key.key());
            return commit(List.of(), new Checkpoint(Phase.KEYS, key.key(), at.blocksDone() + 1,
                    at.pairsFound() + pairs));
        }
        List<String> keys = new ArrayList<>();
        int holders = 0;
        for (MatchKeyStore.SharedKey key : shared) {
            if (key.holders() > WINDOW || (holders > 0 && holders + key.holders() > HOLDERS_PER_BATCH)) {
                break;
            }
            keys.add(key.key());
            holders += key.holders();
        }
        Map<String, Set<UUID>> blocks = holdersOf(keys);
        List<DuplicateReviews.Found> found = compareBlocks(blocks.values());
        return commit(found, new Checkpoint(Phase.KEYS, keys.get(keys.size() - 1), at.blocksDone() + keys.size(),
                at.pairsFound() + found.size()));
    }

    private Map<String, Set<UUID>> holdersOf(List<String> keys) {
        Map<String, Set<UUID>> blocks = new LinkedHashMap<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<MatchKeyRecord> page = storage.matchKeys().find(tenantId, keys, request);
            page.items().forEach(r -> blocks.computeIfAbsent(r.key(), k -> new LinkedHashSet<>()).add(r.customerId()));
            if (!page.hasNext()) {
                return blocks;
            }
            request = request.next(page.next().orElseThrow());
        }
    }

    /**
     * Every pair of a large key's holders: each window of {@value #WINDOW} compared within itself and with every
     * later window, the pairs of each window entered in a unit of their own (the checkpoint stays before the key until
     * its last window, so a run started again compares the key again, and finds its pairs already queued).
     */
    private long compareWindows(String key) {
        long pairs = 0;
        PageRequest outer = PageRequest.first(WINDOW);
        while (true) {
            Page<MatchKeyRecord> first = storage.matchKeys().find(tenantId, List.of(key), outer);
            Map<UUID, MatchProfile> loaded = loaded(first.items().stream().map(MatchKeyRecord::customerId).toList());
            List<DuplicateReviews.Found> found = new ArrayList<>(score(pairsWithin(List.copyOf(loaded.values()),
                    new HashSet<>())));
            var inner = first.next();
            while (inner.isPresent()) {
                Page<MatchKeyRecord> other = storage.matchKeys().find(tenantId, List.of(key),
                        PageRequest.first(WINDOW).next(inner.get()));
                found.addAll(compareAcross(loaded, other.items().stream().map(MatchKeyRecord::customerId).toList()));
                inner = other.next();
            }
            List<DuplicateReviews.Found> entered = toWrite(found);
            storage().run(() -> {
                if (!entered.isEmpty()) {
                    reviews.suspect(entered, DuplicateSource.BULK_JOB);
                }
                held = save(held.checkpoint(), owner);
            });
            pairs += entered.size();
            if (first.next().isEmpty()) {
                return pairs;
            }
            outer = PageRequest.first(WINDOW).next(first.next().get());
        }
    }

    /** One page of shared e-mails or phones after the checkpoint's cursor. */
    private Checkpoint valuesBatch(Checkpoint at, ContactPointKind kind, Phase after) {
        PageRequest request = PageRequest.first(VALUES_PER_BATCH);
        if (at.position() != null) {
            request = request.next(new Cursor(at.position()));
        }
        Page<SharedValue> page = storage.contactPoints().sharedValues(tenantId, kind, request);
        List<Set<UUID>> blocks = page.items().stream().map(SharedValue::customerIds)
                .filter(ids -> ids.size() <= DuplicateMatcher.VALUE_LOOKUP).toList();
        List<DuplicateReviews.Found> found = compareBlocks(blocks);
        long blocksDone = at.blocksDone() + page.items().size();
        Checkpoint next = page.next().map(c -> new Checkpoint(at.phase(), c.token(), blocksDone,
                at.pairsFound() + found.size())).orElse(new Checkpoint(after, null, blocksDone,
                        at.pairsFound() + found.size()));
        return commit(found, next);
    }

    /** The pairs of the batch entered and the checkpoint after it, in one unit; the lease renewed. */
    private Checkpoint commit(List<DuplicateReviews.Found> found, Checkpoint next) {
        List<DuplicateReviews.Found> entered = toWrite(found);
        Checkpoint counted = new Checkpoint(next.phase(), next.position(), next.blocksDone(),
                next.pairsFound() - (found.size() - entered.size()));
        storage().run(() -> {
            if (!entered.isEmpty()) {
                reviews.suspect(entered, DuplicateSource.BULK_JOB);
            }
            held = save(counted, owner);
        });
        return counted;
    }

    private TransactionRunner storage() {
        return context.storage().transactions();
    }

    /** Every pair within each block, each pair once per batch, scoring at least the possible threshold. */
    private List<DuplicateReviews.Found> compareBlocks(Collection<? extends Collection<UUID>> blocks) {
        Set<UUID> all = new LinkedHashSet<>();
        blocks.forEach(all::addAll);
        Map<UUID, MatchProfile> loaded = loaded(all);
        Set<DuplicateReviews.PairKey> seen = new HashSet<>();
        List<MatchProfile[]> pairs = new ArrayList<>();
        for (Collection<UUID> block : blocks) {
            pairs.addAll(pairsWithin(block.stream().map(loaded::get).filter(Objects::nonNull).toList(), seen));
        }
        return score(pairs);
    }

    /** The pairs of these profiles not in {@code seen}, which gains them. */
    private static List<MatchProfile[]> pairsWithin(List<MatchProfile> profiles, Set<DuplicateReviews.PairKey> seen) {
        List<MatchProfile[]> pairs = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            for (int j = i + 1; j < profiles.size(); j++) {
                if (seen.add(DuplicateReviews.PairKey.of(profiles.get(i).id(), profiles.get(j).id()))) {
                    pairs.add(new MatchProfile[] {profiles.get(i), profiles.get(j)});
                }
            }
        }
        return pairs;
    }

    /** Every pair of one customer of {@code window} with one of {@code others}. */
    private List<DuplicateReviews.Found> compareAcross(Map<UUID, MatchProfile> window, List<UUID> others) {
        Map<UUID, MatchProfile> loaded = loaded(others);
        List<MatchProfile[]> pairs = new ArrayList<>();
        for (MatchProfile a : window.values()) {
            for (MatchProfile b : loaded.values()) {
                pairs.add(new MatchProfile[] {a, b});
            }
        }
        return score(pairs);
    }

    private Map<UUID, MatchProfile> loaded(Collection<UUID> ids) {
        Map<UUID, MatchProfile> loaded = new HashMap<>();
        matcher.profiles(ids).forEach(p -> loaded.put(p.id(), p));
        return loaded;
    }

    /**
     * The pairs scoring at least the possible threshold, by the rules of registration: an e-mail or phone the two
     * have in common is discounted by how many other customers hold it (looked up for the values pairs share only).
     */
    private List<DuplicateReviews.Found> score(List<MatchProfile[]> pairs) {
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        for (MatchProfile[] p : pairs) {
            common(p[0].emails(), p[1].emails(), emails);
            common(p[0].phones(), p[1].phones(), phones);
        }
        Map<String, Integer> holders = new HashMap<>();
        matcher.holdersOfValues(ContactPointKind.EMAIL, emails).forEach((v, ids) -> holders.put(v, ids.size()));
        matcher.holdersOfValues(ContactPointKind.PHONE, phones).forEach((v, ids) -> holders.put(v, ids.size()));
        List<DuplicateReviews.Found> found = new ArrayList<>();
        for (MatchProfile[] p : pairs) {
            MatchRules.Comparison c = MatchRules.compare(p[0], p[1], v -> holders.getOrDefault(v, 1) - 1,
                    settings.weights());
            if (c.score() >= settings.possibleThreshold()) {
                found.add(new DuplicateReviews.Found(p[0].id(), DuplicateCandidate.of(p[1].id(), c)));
            }
        }
        return found;
    }

    private static void common(Set<String> a, Set<String> b, Set<String> into) {
        for (String v : a) {
            if (b.contains(v)) {
                into.add(v);
            }
        }
    }

    /**
     * The found pairs that need writing: not those a reviewer dismissed (never suggested again), nor those the queue
     * holds already with the same finding or decided (the store would change nothing; a pair met in several blocks
     * is written once). One lookup of the stored pairs per 1,000 customer ids.
     */
    private List<DuplicateReviews.Found> toWrite(List<DuplicateReviews.Found> found) {
        if (found.isEmpty()) {
            return found;
        }
        Map<UUID, List<UUID>> candidates = new LinkedHashMap<>();
        found.forEach(f -> candidates.computeIfAbsent(f.customerId(), k -> new ArrayList<>())
                .add(f.candidate().customerId()));
        Map<DuplicateReviews.PairKey, DuplicatePairRecord> stored = DuplicateReviews.stored(storage.duplicatePairs(),
                tenantId, candidates);
        List<DuplicateReviews.Found> toWrite = new ArrayList<>();
        for (DuplicateReviews.Found f : found) {
            DuplicatePairRecord pair = stored.get(DuplicateReviews.PairKey.of(f.customerId(),
                    f.candidate().customerId()));
            if (pair == null) {
                toWrite.add(f);
            } else if (pair.status() == DuplicatePairStatus.DISMISSED) {
                continue;
            } else if (pair.status() == DuplicatePairStatus.OPEN && !pair.evidence().sameFindingAs(
                    DuplicateReviews.evidence(f.candidate(), DuplicateSource.BULK_JOB, context.now()))) {
                toWrite.add(f);
            }
        }
        return toWrite;
    }
}
