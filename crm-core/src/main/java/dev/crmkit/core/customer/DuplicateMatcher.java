package dev.crmkit.core.customer;

import com.google.common.collect.Lists;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.MatchKeyRecord;
import dev.crmkit.spi.customer.MatchKeyStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Finds the stored customers a profile may duplicate: every customer that shares a {@link MatchKeys blocking key},
 * an e-mail address or a phone number with it is compared by {@link MatchRules}, and those scoring at least the
 * tenant's possible threshold are candidates, best first, except those a reviewer dismissed as a pair with the
 * profile's customer (one {@link dev.crmkit.spi.customer.DuplicatePairStore#among} lookup per 1,000 ids).
 *
 * <p>No silent cap: the key lookup pages until every holder of every key has been read, so a common name does not
 * crowd out the customer it should find. The one bound is on contact values: an e-mail or phone held by
 * {@value #VALUE_LOOKUP} or more customers is read only that far, and such a value counts for nothing in a score
 * ({@link MatchRules#SHARED_DISCOUNT}) anyway; its holders are still found through their other keys.
 */
final class DuplicateMatcher {
    /** The most holders of one e-mail address or phone number read. */
    static final int VALUE_LOOKUP = PageRequest.MAX_LIMIT;
    /** Values per batch lookup: with the 1,000-row limit, room for a few stored rows per value. */
    private static final int BATCH_LOOKUP = 200;
    /**
     * Values per lookup of registration's and the import's values, which few customers hold: one lookup for an import
     * batch of 500, and still room for two stored rows per value.
     */
    private static final int FEW_HOLDERS_LOOKUP = PageRequest.MAX_LIMIT / 2;
    private static final Comparator<DuplicateCandidate> BEST_FIRST = Comparator
            .comparingDouble(DuplicateCandidate::score).reversed()
            .thenComparing(DuplicateCandidate::customerId, Ids.ORDER);

    private final CustomerStorage customerStorage;
    private final String tenantId;
    private final MatchSettings settings;

    DuplicateMatcher(Storage storage, String tenantId, MatchSettings settings) {
        this.customerStorage = storage.capability(CustomerStorage.class).orElseThrow();
        this.tenantId = tenantId;
        this.settings = settings;
    }

    List<DuplicateCandidate> candidatesFor(MatchProfile profile) {
        return candidatesForAll(List.of(profile)).get(profile.id());
    }

    /**
     * The candidates of many profiles: the keys of all of them looked up together (a page per 1,000 keys and rows),
     * then every candidate's profile loaded once (two queries per 500). Keyed by profile id, in the order given.
     */
    Map<UUID, List<DuplicateCandidate>> candidatesForAll(List<MatchProfile> profiles) {
        return withoutDismissed(candidates(blocks(profiles), profiles));
    }

    /**
     * The candidates of profiles of customers not stored yet (an import's batch), found in their {@code blocks}: a
     * customer with a new id is in no stored pair, so none can have been dismissed and none is looked up.
     */
    Map<UUID, List<DuplicateCandidate>> candidatesForNew(Blocks blocks, List<MatchProfile> profiles) {
        return candidates(blocks, profiles);
    }

    private Map<UUID, List<DuplicateCandidate>> candidates(Blocks blocks, List<MatchProfile> profiles) {
        Map<UUID, List<DuplicateCandidate>> result = new LinkedHashMap<>();
        for (MatchProfile p : profiles) {
            List<DuplicateCandidate> candidates = new ArrayList<>();
            blocks.compare(p, settings.weights(), (other, c) -> {
                if (c.score() >= settings.possibleThreshold()) {
                    candidates.add(DuplicateCandidate.of(other.id(), c));
                }
            });
            candidates.sort(BEST_FIRST);
            result.put(p.id(), candidates);
        }
        return result;
    }

    /**
     * The stored customers each profile shares a blocking key, an e-mail or a phone with, loaded, with the holders of
     * each contact value to discount shared values by.
     */
    record Blocks(Map<UUID, Set<UUID>> wanted, Map<UUID, MatchProfile> loaded, Map<String, Set<UUID>> byEmail,
            Map<String, Set<UUID>> byPhone) {
        /** Compares a profile with each of its stored candidates (itself excluded), in the order they were found. */
        void compare(MatchProfile p, MatchWeights weights, BiConsumer<MatchProfile, MatchRules.Comparison> action) {
            ToIntFunction<String> sharers = value -> {
                Set<UUID> holders = byEmail.containsKey(value) ? byEmail.get(value) : byPhone.getOrDefault(value,
                        Set.of());
                return holders.size() - (holders.contains(p.id()) ? 1 : 0);
            };
            for (UUID id : wanted.get(p.id())) {
                MatchProfile other = loaded.get(id);
                if (other != null) {
                    action.accept(other, MatchRules.compare(p, other, sharers, weights));
                }
            }
        }
    }

    /** The blocks of many profiles, their keys and contact values looked up together. */
    Blocks blocks(List<MatchProfile> profiles) {
        return blocks(profiles, MatchKeys::lookup);
    }

    /**
     * The blocks of many profiles, each looked up by the keys {@code lookupKeys} gives (its {@link MatchKeys#lookup},
     * which a caller that has them already need not compute again).
     */
    Blocks blocks(List<MatchProfile> profiles, Function<MatchProfile, Set<String>> lookupKeys) {
        Map<MatchProfile, Set<String>> keysOf = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        for (MatchProfile p : profiles) {
            Set<String> lookup = lookupKeys.apply(p);
            keysOf.put(p, lookup);
            keys.addAll(lookup);
            emails.addAll(p.emails());
            phones.addAll(p.phones());
        }
        Map<String, Set<UUID>> byKey = holdersOfKeys(keys);
        Map<String, Set<UUID>> byEmail = holdersOfValues(ContactPointKind.EMAIL, emails, FEW_HOLDERS_LOOKUP);
        Map<String, Set<UUID>> byPhone = holdersOfValues(ContactPointKind.PHONE, phones, FEW_HOLDERS_LOOKUP);
        Map<UUID, Set<UUID>> wanted = new LinkedHashMap<>();
        Set<UUID> all = new LinkedHashSet<>();
        for (MatchProfile p : profiles) {
            Set<UUID> ids = new LinkedHashSet<>();
            keysOf.get(p).forEach(k -> ids.addAll(byKey.getOrDefault(k, Set.of())));
            p.emails().forEach(e -> ids.addAll(byEmail.getOrDefault(e, Set.of())));
            p.phones().forEach(ph -> ids.addAll(byPhone.getOrDefault(ph, Set.of())));
            ids.remove(p.id());
            wanted.put(p.id(), ids);
            all.addAll(ids);
        }
        Map<UUID, MatchProfile> loaded = new HashMap<>();
        profiles(all).forEach(m -> loaded.put(m.id(), m));
        return new Blocks(wanted, loaded, byEmail, byPhone);
    }

    /** The candidates without those a reviewer dismissed as a pair with their profile: never suggested again. */
    private Map<UUID, List<DuplicateCandidate>> withoutDismissed(Map<UUID, List<DuplicateCandidate>> found) {
        Map<UUID, List<UUID>> ids = new LinkedHashMap<>();
        found.forEach((id, candidates) -> {
            if (!candidates.isEmpty()) {
                ids.put(id, candidates.stream().map(DuplicateCandidate::customerId).toList());
            }
        });
        Set<DuplicateReviews.PairKey> dismissed = ids.isEmpty() ? Set.of()
                : DuplicateReviews.dismissed(customerStorage.duplicatePairs(), tenantId, ids);
        Map<UUID, List<DuplicateCandidate>> result = new LinkedHashMap<>();
        found.forEach((id, candidates) -> result.put(id, candidates.stream()
                .filter(c -> !dismissed.contains(DuplicateReviews.PairKey.of(id, c.customerId()))).toList()));
        return result;
    }

    /** Every customer holding each key, read page by page. */
    private Map<String, Set<UUID>> holdersOfKeys(Set<String> keys) {
        Map<String, Set<UUID>> byKey = new HashMap<>();
        for (List<String> chunk : Lists.partition(List.copyOf(keys), MatchKeyStore.MAX_KEYS)) {
            PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<MatchKeyRecord> page = customerStorage.matchKeys().find(tenantId, chunk, request);
                page.items().forEach(r -> byKey.computeIfAbsent(r.key(), k -> new LinkedHashSet<>())
                        .add(r.customerId()));
                if (!page.hasNext()) {
                    break;
                }
                request = request.next(page.next().orElseThrow());
            }
        }
        return byKey;
    }

    /**
     * The holders of each contact value, up to {@link #VALUE_LOOKUP} per value: a batch lookup per 200 values (values
     * two or more customers share, as the duplicate job's).
     */
    Map<String, Set<UUID>> holdersOfValues(ContactPointKind kind, Set<String> values) {
        return holdersOfValues(kind, values, BATCH_LOOKUP);
    }

    /**
     * The holders of each contact value, up to {@link #VALUE_LOOKUP} per value: a batch lookup per {@code perLookup}
     * values; a lookup whose rows may have been cut at the limit is repeated for each half of its values, down to one
     * lookup per value, so every value still gets all its holders up to the bound.
     */
    private Map<String, Set<UUID>> holdersOfValues(ContactPointKind kind, Set<String> values, int perLookup) {
        Map<String, Set<UUID>> byValue = new HashMap<>();
        for (List<String> chunk : Lists.partition(List.copyOf(values), perLookup)) {
            holders(kind, chunk).forEach(c -> byValue.computeIfAbsent(c.value(), v -> new LinkedHashSet<>())
                    .add(c.customerId()));
        }
        return byValue;
    }

    private List<ContactPointRecord> holders(ContactPointKind kind, List<String> values) {
        if (values.size() == 1) {
            return customerStorage.contactPoints().findByValue(tenantId, kind, values.get(0), VALUE_LOOKUP);
        }
        List<ContactPointRecord> rows = customerStorage.contactPoints().findByValues(tenantId, kind, values,
                PageRequest.MAX_LIMIT);
        if (rows.size() < PageRequest.MAX_LIMIT) {
            return rows;
        }
        List<ContactPointRecord> all = new ArrayList<>(holders(kind, values.subList(0, values.size() / 2)));
        all.addAll(holders(kind, values.subList(values.size() / 2, values.size())));
        return all;
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
                profiles.add(MatchProfile.of(customer, points.getOrDefault(customer.id(), List.of()), settings));
            }
        }
        return profiles;
    }
}
