package dev.crmkit.core.customer;

import dev.crmkit.core.customfield.CustomFieldService;
import dev.crmkit.core.customfield.DefineCustomField;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customfield.CustomFieldType;
import dev.crmkit.model.customfield.CustomFieldValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Measures customer matching on synthetic records: registers every entry through the public API (the address as a
 * postal contact point, the date of birth and national id as custom fields), asks {@link
 * CustomerService#findMatchesAll} for every stored customer, and compares the pairs it returns with the truth.
 */
final class MatchQuality {
    /** Pairwise figures: a pair is two records; it is true when both describe the same person. */
    record Figures(long truePairs, long foundPairs, long correctPairs) {
        double precision() {
            return foundPairs == 0 ? 1.0 : (double) correctPairs / foundPairs;
        }

        double recall() {
            return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "precision %.3f recall %.3f F1 %.3f (%d true pairs, %d found,"
                    + " %d correct)", precision(), recall(), f1(), truePairs, foundPairs, correctPairs);
        }
    }

    private MatchQuality() {
    }

    /**
     * The figures of the pairs {@code findMatchesAll} returns (possible duplicates) and of those at the duplicate
     * threshold, and the true pairs by kind of corruption.
     */
    record Measurement(Figures possible, Figures duplicate, Map<String, Missed> missedByKind) {
        /** The breakdown as lines of text: per kind, the true pairs with it and how many were missed where. */
        String breakdown() {
            StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT,
                    "%-30s %6s %8s %8s %8s%n", "kind of corruption", "pairs", "<0.9", "0.7-0.9", "<0.7"));
            missedByKind.entrySet().stream()
                    .sorted(Map.Entry.<String, Missed>comparingByValue(
                            java.util.Comparator.comparingLong(Missed::belowDuplicate)).reversed())
                    .forEach(e -> out.append(String.format(java.util.Locale.ROOT, "%-30s %6d %8d %8d %8d%n",
                            e.getKey(), e.getValue().pairs(), e.getValue().belowDuplicate(),
                            e.getValue().possibleOnly(), e.getValue().notFound())));
            return out.toString();
        }
    }

    /**
     * The true pairs whose records differ by one kind of corruption (a pair with several kinds counts under each):
     * how many there are, how many score below the duplicate threshold, of those how many are possible duplicates,
     * and how many are not returned at all.
     */
    record Missed(long pairs, long belowDuplicate, long possibleOnly, long notFound) {
        Missed plus(Missed other) {
            return new Missed(pairs + other.pairs, belowDuplicate + other.belowDuplicate,
                    possibleOnly + other.possibleOnly, notFound + other.notFound);
        }
    }

    /** Registers the entries in a fresh tenant and measures the pairs {@code findMatchesAll} finds. */
    static Measurement measure(List<SyntheticPeople.Entry> entries) {
        return measure(entries, MatchWeights.defaults()).measurement();
    }

    /** A measurement, and the tenant's customer service, with the entries registered, to ask further. */
    record Run(Measurement measurement, CustomerService customers) {
    }

    /** Registers the entries in a fresh tenant matching with these weights and measures what it finds. */
    static Run measure(List<SyntheticPeople.Entry> entries, MatchWeights weights) {
        CustomerFixtures.World world = CustomerFixtures.world(CustomerModule.builder()
                .duplicatePolicy(DuplicatePolicy.ALLOW)
                .matching(MatchSettings.defaults().withDateOfBirthField("date_of_birth")
                        .withIdentifierFields(Set.of("national_id")).withWeights(weights)));
        CustomFieldService fields = world.acme().service(CustomFieldService.class);
        fields.define(DefineCustomField.optional("date_of_birth", "Date of birth", CustomFieldType.DATE));
        fields.define(DefineCustomField.optional("national_id", "National id", CustomFieldType.TEXT));
        CustomerService customers = world.customers();
        Map<UUID, SyntheticPeople.Entry> truth = new HashMap<>();
        for (SyntheticPeople.Entry entry : entries) {
            truth.put(customers.register(registration(entry)).customer().id(), entry);
        }
        Map<List<UUID>, Double> found = new HashMap<>();
        List<PartyProfile> batch = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Customer> page = customers.find(CustomerCriterion.all(), request);
            page.items().forEach(c -> batch.add(profile(c)));
            if (batch.size() >= CustomerService.MAX_PARTIES || !page.hasNext()) {
                customers.findMatchesAll(batch).forEach((id, candidates) ->
                        candidates.forEach(c -> found.merge(pair(id, c.customerId()), c.score(), Math::max)));
                batch.clear();
            }
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page.next().orElseThrow());
        }
        double duplicate = MatchSettings.defaults().duplicateThreshold();
        return new Run(new Measurement(figures(truth, found.keySet()), figures(truth, found.entrySet().stream()
                .filter(e -> e.getValue() >= duplicate).map(Map.Entry::getKey).collect(Collectors.toSet())),
                missedByKind(truth, found, duplicate)), customers);
    }

    /** Every true pair, by the kinds of corruption that set its two records apart, and where it was missed. */
    static Map<String, Missed> missedByKind(Map<UUID, SyntheticPeople.Entry> truth, Map<List<UUID>, Double> found,
            double duplicate) {
        Map<Integer, List<UUID>> byPerson = new HashMap<>();
        truth.forEach((id, e) -> byPerson.computeIfAbsent(e.person(), p -> new ArrayList<>()).add(id));
        Map<String, Missed> missed = new java.util.TreeMap<>();
        for (List<UUID> ids : byPerson.values()) {
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    Set<String> kinds = new java.util.TreeSet<>(truth.get(ids.get(i)).errors());
                    kinds.addAll(truth.get(ids.get(j)).errors());
                    Double score = found.get(pair(ids.get(i), ids.get(j)));
                    boolean below = score == null || score < duplicate;
                    Missed one = new Missed(1, below ? 1 : 0, score != null && below ? 1 : 0, score == null ? 1 : 0);
                    kinds.forEach(k -> missed.merge(k, one, Missed::plus));
                }
            }
        }
        return missed;
    }

    static Figures figures(Map<UUID, SyntheticPeople.Entry> truth, Set<List<UUID>> found) {
        Map<Integer, Long> perPerson = truth.values().stream()
                .collect(Collectors.groupingBy(SyntheticPeople.Entry::person, Collectors.counting()));
        long truePairs = perPerson.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
        long correct = found.stream()
                .filter(p -> truth.get(p.get(0)).person() == truth.get(p.get(1)).person())
                .count();
        return new Figures(truePairs, found.size(), correct);
    }

    private static List<UUID> pair(UUID a, UUID b) {
        return dev.crmkit.spi.Ids.ORDER.compare(a, b) < 0 ? List.of(a, b) : List.of(b, a);
    }

    static RegisterPerson registration(SyntheticPeople.Entry e) {
        RegisterPerson person = RegisterPerson.named(e.given(), e.family());
        if (e.address() != null) {
            person = person.withContactPoint(NewContactPoint.postal(e.address()));
        }
        if (e.dateOfBirth() != null) {
            person = person.withCustomField("date_of_birth", new CustomFieldValue.Date(e.dateOfBirth()));
        }
        if (e.nationalId() != null) {
            person = person.withCustomField("national_id", new CustomFieldValue.Text(e.nationalId()));
        }
        return person;
    }

    /** The stored customer as another domain would describe it to the matching rules. */
    static PartyProfile profile(Customer c) {
        Set<String> postcodes = c.contactPoints(ContactPointKind.POSTAL).stream()
                .map(p -> ContactValues.postcodeKey(p.address().countryCode(), p.address().postalCode()))
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, String> identifiers = new HashMap<>();
        if (c.customFields().get("national_id") instanceof CustomFieldValue.Text id) {
            identifiers.put("national_id", id.value());
        }
        java.time.LocalDate born = c.customFields().get("date_of_birth") instanceof CustomFieldValue.Date d ? d.value()
                : null;
        return new PartyProfile(c.id(), PartyKind.PERSON, c.displayName(), c.givenName(), c.familyName(),
                c.organizationName(), Set.of(), Set.of(), postcodes,
                c.contactPoints(ContactPointKind.POSTAL).stream().map(ContactPoint::address).toList(), born,
                identifiers);
    }
}
