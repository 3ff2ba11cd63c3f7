package dev.crmkit.core.customer;

import com.google.common.collect.Lists;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds the stored customers a new or given profile may duplicate. Candidates are gathered by equality lookups
 * that storage indexes (e-mail, phone, name key) and then scored with {@link MatchProfile}'s rules.
 */
final class DuplicateMatcher {
    private static final int LOOKUP_LIMIT = 100;
    /** Values per batch lookup: with the 1,000-row limit, room for a few stored rows per value. */
    private static final int BATCH_LOOKUP = 200;
    private static final Comparator<DuplicateCandidate> BEST_FIRST = Comparator
            .comparingDouble(DuplicateCandidate::score).reversed()
            .thenComparing(DuplicateCandidate::customerId, dev.crmkit.spi.Ids.ORDER);

    private final Storage storage;

    private final CustomerStorage customerStorage;
    private final String tenantId;

    DuplicateMatcher(Storage storage, String tenantId) {
        this.storage = storage;
        this.customerStorage = this.storage.capability(CustomerStorage.class).orElseThrow();
        this.tenantId = tenantId;
    }

    List<DuplicateCandidate> candidatesFor(MatchProfile profile) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String email : profile.emails()) {
            customerStorage.contactPoints().findByValue(tenantId, ContactPointKind.EMAIL, email, LOOKUP_LIMIT)
                    .forEach(p -> ids.add(p.customerId()));
        }
        for (String phone : profile.phones()) {
            customerStorage.contactPoints().findByValue(tenantId, ContactPointKind.PHONE, phone, LOOKUP_LIMIT)
                    .forEach(p -> ids.add(p.customerId()));
        }
        if (profile.nameKey() != null) {
            customerStorage.customers().findByNameKey(tenantId, profile.nameKey(), LOOKUP_LIMIT)
                    .forEach(c -> ids.add(c.id()));
        }
        ids.remove(profile.id());
        List<DuplicateCandidate> candidates = new ArrayList<>();
        for (MatchProfile other : profiles(ids)) {
            Set<MatchReason> reasons = profile.reasonsToMatch(other);
            if (!reasons.isEmpty()) {
                candidates.add(new DuplicateCandidate(other.id(), MatchProfile.score(reasons), reasons));
            }
        }
        candidates.sort(BEST_FIRST);
        return candidates;
    }

    /**
     * {@link #candidatesFor} for many profiles: one lookup per kind of key for all of them, then the candidates'
     * profiles loaded once. Keyed by profile id, in the order given.
     */
    Map<UUID, List<DuplicateCandidate>> candidatesForAll(List<MatchProfile> profiles) {
        Map<String, Set<UUID>> byEmail = new HashMap<>();
        Map<String, Set<UUID>> byPhone = new HashMap<>();
        Map<String, Set<UUID>> byNameKey = new HashMap<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        Set<String> nameKeys = new LinkedHashSet<>();
        for (MatchProfile p : profiles) {
            emails.addAll(p.emails());
            phones.addAll(p.phones());
            if (p.nameKey() != null) {
                nameKeys.add(p.nameKey());
            }
        }
        for (List<String> chunk : Lists.partition(List.copyOf(emails), BATCH_LOOKUP)) {
            customerStorage.contactPoints().findByValues(tenantId, ContactPointKind.EMAIL, chunk, PageRequest.MAX_LIMIT)
                    .forEach(c -> byEmail.computeIfAbsent(c.value(), v -> new HashSet<>()).add(c.customerId()));
        }
        for (List<String> chunk : Lists.partition(List.copyOf(phones), BATCH_LOOKUP)) {
            customerStorage.contactPoints().findByValues(tenantId, ContactPointKind.PHONE, chunk, PageRequest.MAX_LIMIT)
                    .forEach(c -> byPhone.computeIfAbsent(c.value(), v -> new HashSet<>()).add(c.customerId()));
        }
        for (List<String> chunk : Lists.partition(List.copyOf(nameKeys), BATCH_LOOKUP)) {
            customerStorage.customers().findByNameKeys(tenantId, chunk, PageRequest.MAX_LIMIT)
                    .forEach(c -> byNameKey.computeIfAbsent(c.nameKey(), v -> new HashSet<>()).add(c.id()));
        }
        Map<UUID, Set<UUID>> wanted = new LinkedHashMap<>();
        Set<UUID> all = new LinkedHashSet<>();
        for (MatchProfile p : profiles) {
            Set<UUID> ids = new LinkedHashSet<>();
            p.emails().forEach(e -> ids.addAll(byEmail.getOrDefault(e, Set.of())));
            p.phones().forEach(ph -> ids.addAll(byPhone.getOrDefault(ph, Set.of())));
            if (p.nameKey() != null) {
                ids.addAll(byNameKey.getOrDefault(p.nameKey(), Set.of()));
            }
            ids.remove(p.id());
            wanted.put(p.id(), ids);
            all.addAll(ids);
        }
        Map<UUID, MatchProfile> loaded = new HashMap<>();
        profiles(all).forEach(m -> loaded.put(m.id(), m));
        Map<UUID, List<DuplicateCandidate>> result = new LinkedHashMap<>();
        for (MatchProfile p : profiles) {
            List<DuplicateCandidate> candidates = new ArrayList<>();
            for (UUID id : wanted.get(p.id())) {
                MatchProfile other = loaded.get(id);
                Set<MatchReason> reasons = other == null ? Set.of() : p.reasonsToMatch(other);
                if (!reasons.isEmpty()) {
                    candidates.add(new DuplicateCandidate(other.id(), MatchProfile.score(reasons), reasons));
                }
            }
            candidates.sort(BEST_FIRST);
            result.put(p.id(), List.copyOf(candidates));
        }
        return result;
    }

    /** The match profiles of these live customers, loaded with two queries per 500 ids. */
    List<MatchProfile> profiles(Collection<UUID> ids) {
        List<UUID> all = new ArrayList<>(ids);
        List<MatchProfile> profiles = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 500) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + 500));
            List<CustomerRecord> customers = customerStorage.customers().getAll(tenantId, chunk).stream()
                    .filter(c -> !c.isMerged()).toList();
            Map<UUID, List<ContactPointRecord>> points = customerStorage.contactPoints()
                    .forCustomers(tenantId, customers.stream().map(CustomerRecord::id).toList()).stream()
                    .collect(Collectors.groupingBy(ContactPointRecord::customerId));
            for (CustomerRecord customer : customers) {
                profiles.add(MatchProfile.of(customer, points.getOrDefault(customer.id(), List.of())));
            }
        }
        return profiles;
    }
}
