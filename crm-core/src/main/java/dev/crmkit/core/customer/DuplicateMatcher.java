package dev.crmkit.core.customer;

import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.ContactPointKind;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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

    private final Storage storage;
    private final String tenantId;

    DuplicateMatcher(Storage storage, String tenantId) {
        this.storage = storage;
        this.tenantId = tenantId;
    }

    List<DuplicateCandidate> candidatesFor(MatchProfile profile) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String email : profile.emails()) {
            storage.contactPoints().findByValue(tenantId, ContactPointKind.EMAIL, email, LOOKUP_LIMIT)
                    .forEach(p -> ids.add(p.customerId()));
        }
        for (String phone : profile.phones()) {
            storage.contactPoints().findByValue(tenantId, ContactPointKind.PHONE, phone, LOOKUP_LIMIT)
                    .forEach(p -> ids.add(p.customerId()));
        }
        if (profile.nameKey() != null) {
            storage.customers().findByNameKey(tenantId, profile.nameKey(), LOOKUP_LIMIT)
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
        candidates.sort(Comparator.comparingDouble(DuplicateCandidate::score).reversed()
                .thenComparing(DuplicateCandidate::customerId, dev.crmkit.spi.Ids.ORDER));
        return candidates;
    }

    /** The match profiles of these live customers, loaded with two queries per 500 ids. */
    List<MatchProfile> profiles(Collection<UUID> ids) {
        List<UUID> all = new ArrayList<>(ids);
        List<MatchProfile> profiles = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 500) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + 500));
            List<CustomerRecord> customers = storage.customers().getAll(tenantId, chunk).stream()
                    .filter(c -> !c.isMerged()).toList();
            Map<UUID, List<ContactPointRecord>> points = storage.contactPoints()
                    .forCustomers(tenantId, customers.stream().map(CustomerRecord::id).toList()).stream()
                    .collect(Collectors.groupingBy(ContactPointRecord::customerId));
            for (CustomerRecord customer : customers) {
                profiles.add(MatchProfile.of(customer, points.getOrDefault(customer.id(), List.of())));
            }
        }
        return profiles;
    }
}
