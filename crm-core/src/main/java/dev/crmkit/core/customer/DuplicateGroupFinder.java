package dev.crmkit.core.customer;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.SharedValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The duplicate-groups job: reads the values that several customers share (e-mails, phones, name keys) page by
 * page, and joins the customers they connect with a union-find. Memory grows with the number of customers that
 * share something, not with the tenant's size.
 */
final class DuplicateGroupFinder {
    private static final int PAGE = 500;

    private final Storage storage;

    private final CustomerStorage customerStorage;
    private final String tenantId;
    private final DuplicateMatcher matcher;
    private final Map<UUID, UUID> parent = new HashMap<>();
    private final Map<UUID, Set<MatchReason>> reasons = new HashMap<>();

    DuplicateGroupFinder(Storage storage, String tenantId) {
        this.storage = storage;
        this.customerStorage = this.storage.capability(CustomerStorage.class).orElseThrow();
        this.tenantId = tenantId;
        this.matcher = new DuplicateMatcher(storage, tenantId);
    }

    List<DuplicateGroup> find() {
        forEachShared(page -> customerStorage.contactPoints().sharedValues(tenantId, ContactPointKind.EMAIL, page),
                shared -> unionAll(shared.customerIds(), MatchReason.SAME_EMAIL));
        forEachShared(page -> customerStorage.contactPoints().sharedValues(tenantId, ContactPointKind.PHONE, page),
                shared -> unionAll(shared.customerIds(), MatchReason.SAME_PHONE));
        // A shared name key only blocks candidates; the pairs still have to pass the name rules.
        forEachShared(page -> customerStorage.customers().sharedNameKeys(tenantId, page), this::unionByNameRules);
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

    private void unionAll(Set<UUID> ids, MatchReason reason) {
        UUID first = null;
        for (UUID id : ids) {
            if (first == null) {
                first = id;
                find(first);
            } else {
                union(first, id, Set.of(reason));
            }
        }
    }

    private void unionByNameRules(SharedValue shared) {
        List<MatchProfile> profiles = matcher.profiles(shared.customerIds());
        // Compare only within buckets of the same organization or postcode: the rules need one of them anyway,
        // and it keeps a common key ("mueller a") from costing n squared comparisons.
        Map<String, List<MatchProfile>> buckets = new HashMap<>();
        for (MatchProfile p : profiles) {
            if (p.organization() != null) {
                buckets.computeIfAbsent("o:" + p.organization(), k -> new ArrayList<>()).add(p);
            }
            p.postcodes().forEach(pc -> buckets.computeIfAbsent("p:" + pc, k -> new ArrayList<>()).add(p));
        }
        for (List<MatchProfile> bucket : buckets.values()) {
            for (int i = 0; i < bucket.size(); i++) {
                for (int j = i + 1; j < bucket.size(); j++) {
                    Set<MatchReason> found = EnumSet.noneOf(MatchReason.class);
                    found.addAll(bucket.get(i).reasonsToMatch(bucket.get(j)));
                    found.remove(MatchReason.SAME_EMAIL);
                    found.remove(MatchReason.SAME_PHONE);
                    if (!found.isEmpty()) {
                        union(bucket.get(i).id(), bucket.get(j).id(), found);
                    }
                }
            }
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
