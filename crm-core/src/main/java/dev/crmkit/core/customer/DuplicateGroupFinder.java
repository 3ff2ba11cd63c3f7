package dev.crmkit.core.customer;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.DuplicateSource;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.SharedValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The duplicate-groups job: reads the values that several customers share (e-mails, phones, name keys) page by
 * page, compares the customers sharing each value pairwise with {@link MatchRules}, puts the pairs scoring at least
 * the possible threshold in the review queue (one transaction per shared value; a pair is entered once per run, as
 * first found), and joins those scoring at least the duplicate threshold with a union-find. A pair a reviewer
 * dismissed is neither entered nor joined. Memory grows with the number of customers that share something, not with
 * the tenant's size; the work of a value grows with the square of its sharers.
 */
final class DuplicateGroupFinder {
    private static final int PAGE = 500;

    private final Storage storage;

    private final CustomerStorage customerStorage;
    private final String tenantId;
    private final DuplicateMatcher matcher;
    private final MatchSettings settings;
    private final Map<UUID, UUID> parent = new HashMap<>();
    private final Map<UUID, Set<MatchReason>> reasons = new HashMap<>();
    private final DuplicateReviews reviews;
    private final Set<DuplicateReviews.PairKey> entered = new HashSet<>();

    DuplicateGroupFinder(Storage storage, String tenantId, MatchSettings settings, DuplicateReviews reviews) {
        this.reviews = reviews;
        this.storage = storage;
        this.customerStorage = this.storage.capability(CustomerStorage.class).orElseThrow();
        this.tenantId = tenantId;
        this.settings = settings;
        this.matcher = new DuplicateMatcher(storage, tenantId, settings);
    }

    List<DuplicateGroup> find() {
        forEachShared(page -> customerStorage.contactPoints().sharedValues(tenantId, ContactPointKind.EMAIL, page),
                this::unionByRules);
        forEachShared(page -> customerStorage.contactPoints().sharedValues(tenantId, ContactPointKind.PHONE, page),
                this::unionByRules);
        // A shared value only blocks candidates; the pairs still have to pass the rules.
        forEachShared(page -> customerStorage.customers().sharedNameKeys(tenantId, page), this::unionByRules);
        Map<UUID, Set<UUID>> members = new HashMap<>();
        for (UUID id : parent.keySet()) {
            members.computeIfAbsent(root(id), r -> new HashSet<>()).add(id);
        }
        List<DuplicateGroup> groups = new ArrayList<>();
        members.forEach((root, ids) -> {
            if (ids.size() > 1) {
                groups.add(new DuplicateGroup(ids, reasons.getOrDefault(root, Set.of())));
            }
        });
        return groups;
    }

    private void forEachShared(Function<PageRequest, Page<SharedValue>> reader,
            java.util.function.Consumer<SharedValue> action) {
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            Page<SharedValue> page = reader.apply(request);
            page.items().forEach(action);
            if (!page.hasNext()) {
                return;
            }
            request = request.next(page.next().orElseThrow());
        }
    }

    private void unionByRules(SharedValue shared) {
        List<MatchProfile> profiles = matcher.profiles(shared.customerIds());
        int sharers = shared.customerIds().size();
        List<DuplicateReviews.Found> found = new ArrayList<>();
        Map<UUID, List<UUID>> candidates = new LinkedHashMap<>();
        for (int i = 0; i < profiles.size(); i++) {
            for (int j = i + 1; j < profiles.size(); j++) {
                MatchRules.Comparison c = MatchRules.compare(profiles.get(i), profiles.get(j),
                        value -> value.equals(shared.value()) ? sharers - 1 : 1, settings.weights());
                if (c.score() >= settings.possibleThreshold()) {
                    found.add(new DuplicateReviews.Found(profiles.get(i).id(),
                            DuplicateCandidate.of(profiles.get(j).id(), c)));
                    candidates.computeIfAbsent(profiles.get(i).id(), k -> new ArrayList<>()).add(profiles.get(j).id());
                }
            }
        }
        if (found.isEmpty()) {
            return;
        }
        Set<DuplicateReviews.PairKey> dismissed = DuplicateReviews.dismissed(customerStorage.duplicatePairs(),
                tenantId, candidates);
        List<DuplicateReviews.Found> toEnter = new ArrayList<>();
        for (DuplicateReviews.Found f : found) {
            DuplicateReviews.PairKey key = DuplicateReviews.PairKey.of(f.customerId(), f.candidate().customerId());
            if (dismissed.contains(key)) {
                continue;
            }
            if (f.candidate().score() >= settings.duplicateThreshold()) {
                union(f.customerId(), f.candidate().customerId(), f.candidate().reasons());
            }
            if (entered.add(key)) {
                toEnter.add(f);
            }
        }
        if (!toEnter.isEmpty()) {
            storage.transactions().run(() -> reviews.suspect(toEnter, DuplicateSource.BULK_JOB));
        }
    }

    private UUID find(UUID id) {
        UUID p = parent.computeIfAbsent(id, x -> x);
        if (p.equals(id)) {
            return id;
        }
        UUID root = find(p);
        parent.put(id, root);
        return root;
    }

    private UUID root(UUID id) {
        return find(id);
    }

    private void union(UUID a, UUID b, Set<MatchReason> why) {
        UUID ra = find(a);
        UUID rb = find(b);
        Set<MatchReason> merged = EnumSet.noneOf(MatchReason.class);
        merged.addAll(reasons.getOrDefault(ra, Set.of()));
        merged.addAll(reasons.getOrDefault(rb, Set.of()));
        merged.addAll(why);
        if (!ra.equals(rb)) {
            parent.put(rb, ra);
            reasons.remove(rb);
        }
        reasons.put(ra, merged);
    }
}
