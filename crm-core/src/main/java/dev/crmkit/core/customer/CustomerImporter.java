package dev.crmkit.core.customer;

import com.google.common.collect.Lists;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.DuplicateSource;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Bulk import: reads rows one at a time, prepares each as a {@link Registration}, and writes them in batches, one
 * transaction per batch, with the stores' bulk inserts. A row that fails validation or duplicates another row of
 * its batch or a stored customer (same external reference, e-mail or phone) becomes an {@link ImportError}; the
 * rest of the batch is stored. Memory holds one batch and the error list, whatever the input's size.
 */
final class CustomerImporter {
    private final DomainContext context;
    private final Storage storage;
    private final CustomerStorage customerStorage;
    private final String tenantId;
    private final ContactPointNormalizer normalizer;
    private final int batchSize;
    private final MatchSettings matching;

    private final List<ImportError> errors = new ArrayList<>();
    private long rowsRead;
    private long imported;
    private long duplicates;

    CustomerImporter(DomainContext context, String tenantId, ContactPointNormalizer normalizer, int batchSize,
            MatchSettings matching) {
        this.matching = matching;
        this.context = context;
        this.storage = context.storage();
        this.customerStorage = this.storage.capability(CustomerStorage.class).orElseThrow();
        this.tenantId = tenantId;
        this.normalizer = normalizer;
        this.batchSize = batchSize;
    }

    /**
     * A prepared row with its number, its match profile and its blocking keys (those it is stored with and those it
     * is looked up by), each computed once.
     */
    private record Row(long number, Registration registration, MatchProfile profile, Set<String> keys,
            Set<String> lookupKeys) {
        static Row of(long number, Registration registration, MatchProfile profile) {
            return new Row(number, registration, profile, MatchKeys.of(profile), MatchKeys.lookup(profile));
        }
    }

    private DuplicateReviews reviews;

    ImportReport run(Iterator<? extends RegisterCustomer> rows, ImportProgress progress, CustomFieldRules rules,
            DuplicateReviews reviews) {
        this.reviews = reviews;
        List<Row> batch = new ArrayList<>();
        Map<String, Long> keysInBatch = new HashMap<>();
        Map<String, List<Row>> blocksInBatch = new HashMap<>();
        while (true) {
            RegisterCustomer command;
            try {
                if (!rows.hasNext()) {
                    break;
                }
                rowsRead++;
                command = rows.next();
            } catch (ValidationException e) {
                // The host's row mapping rejected the row (e.g. a malformed CSV line); keep going.
                errors.add(new ImportError(rowsRead, e.field(), e.reason()));
                continue;
            }
            Row row = prepare(rowsRead, command, rules);
            if (row == null || duplicateInBatch(row, keysInBatch) || similarInBatch(row, blocksInBatch)) {
                continue;
            }
            batch.add(row);
            if (batch.size() == batchSize) {
                flush(batch, progress);
                batch.clear();
                keysInBatch.clear();
                blocksInBatch.clear();
            }
        }
        if (!batch.isEmpty()) {
            flush(batch, progress);
        }
        return report();
    }

    private Row prepare(long number, RegisterCustomer command, CustomFieldRules rules) {
        if (command == null) {
            errors.add(new ImportError(number, "row", "is required"));
            return null;
        }
        try {
            Registration registration = Registration.prepare(tenantId, command, normalizer, rules, context.ids(),
                    context.now());
            return Row.of(number, registration, registration.profile(matching));
        } catch (ValidationException e) {
            errors.add(new ImportError(number, e.field(), e.reason()));
            return null;
        }
    }

    private boolean duplicateInBatch(Row row, Map<String, Long> keysInBatch) {
        Map<String, String> keys = matchKeys(row.registration());
        for (Map.Entry<String, String> key : keys.entrySet()) {
            Long earlier = keysInBatch.get(key.getKey());
            if (earlier != null) {
                duplicates++;
                errors.add(new ImportError(row.number(), key.getValue(), "duplicates row " + earlier));
                return true;
            }
        }
        keys.keySet().forEach(k -> keysInBatch.put(k, row.number()));
        return false;
    }

    /**
     * Whether an earlier row of the batch sharing a blocking key with this one scores at least the duplicate threshold
     * under the matching rules: the rules registration applies, within the file.
     */
    private boolean similarInBatch(Row row, Map<String, List<Row>> blocksInBatch) {
        MatchProfile profile = row.profile();
        Set<String> keys = new HashSet<>(row.lookupKeys());
        profile.emails().forEach(e -> keys.add("email:" + e));
        profile.phones().forEach(p -> keys.add("phone:" + p));
        Set<Row> compared = new HashSet<>();
        for (String key : keys) {
            for (Row earlier : blocksInBatch.getOrDefault(key, List.of())) {
                if (compared.add(earlier) && MatchRules.compare(profile, earlier.profile(),
                        value -> 1, matching.weights()).score() >= matching.duplicateThreshold()) {
                    duplicates++;
                    errors.add(new ImportError(row.number(), "row", "duplicates row " + earlier.number()));
                    return true;
                }
            }
        }
        Set<String> stored = new HashSet<>(row.keys());
        profile.emails().forEach(e -> stored.add("email:" + e));
        profile.phones().forEach(p -> stored.add("phone:" + p));
        stored.forEach(k -> blocksInBatch.computeIfAbsent(k, x -> new ArrayList<>()).add(row));
        return false;
    }

    /** The keys a row is de-duplicated on, each with the field path to report. */
    private static Map<String, String> matchKeys(Registration registration) {
        Map<String, String> keys = new HashMap<>();
        if (registration.customer().externalRef() != null) {
            keys.put("ref:" + registration.customer().externalRef(), "externalRef");
        }
        List<ContactPointRecord> points = registration.contactPoints();
        for (int i = 0; i < points.size(); i++) {
            ContactPointRecord p = points.get(i);
            if (p.kind() != ContactPointKind.POSTAL) {
                keys.putIfAbsent(p.kind() + ":" + p.value(), "contactPoints[" + i + "].value");
            }
        }
        return keys;
    }

    private void flush(List<Row> batch, ImportProgress progress) {
        storage.transactions().run(() -> {
            List<CustomerRecord> customers = new ArrayList<>();
            List<ContactPointRecord> points = new ArrayList<>();
            List<CustomerEvent> events = new ArrayList<>();
            Map<UUID, Set<String>> keys = new HashMap<>();
            List<UUID> suspected = new ArrayList<>();
            Instant now = context.now();
            Map<UUID, Set<String>> lookupKeys = new HashMap<>();
            batch.forEach(row -> lookupKeys.put(row.profile().id(), row.lookupKeys()));
            List<MatchProfile> profiles = batch.stream().map(Row::profile).toList();
            DuplicateMatcher matcher = new DuplicateMatcher(storage, tenantId, matching);
            DuplicateMatcher.Blocks blocks = matcher.blocks(profiles, p -> lookupKeys.get(p.id()));
            Map<UUID, List<DuplicateCandidate>> candidates = matcher.candidatesForNew(blocks, profiles);
            StoredKeys stored = storedKeys(batch, blocks);
            for (Row row : batch) {
                String clash = stored.clash(row.registration());
                List<DuplicateCandidate> found = candidates.get(row.registration().customer().id());
                if (clash == null && !found.isEmpty() && found.get(0).score() >= matching.duplicateThreshold()) {
                    clash = "row";
                }
                if (clash != null) {
                    duplicates++;
                    errors.add(new ImportError(row.number(), clash, "duplicates a stored customer"));
                    continue;
                }
                if (!found.isEmpty()) {
                    // below the duplicate threshold, so stored: possible duplicates go to the review queue
                    suspected.add(row.registration().customer().id());
                }
                customers.add(row.registration().customer());
                points.addAll(row.registration().contactPoints());
                keys.put(row.registration().customer().id(), row.keys());
                events.addAll(row.registration().events(now));
            }
            if (!customers.isEmpty()) {
                customerStorage.customers().insertAll(customers);
            }
            if (!points.isEmpty()) {
                customerStorage.contactPoints().insertAll(points);
            }
            if (!keys.isEmpty()) {
                // new customers hold no keys: nothing to replace
                customerStorage.matchKeys().insertAll(tenantId, keys);
            }
            context.events().record(events);
            for (UUID id : suspected) {
                reviews.suspect(id, candidates.get(id), DuplicateSource.IMPORT);
            }
            imported += customers.size();
        });
        progress.batchCommitted(report());
    }

    /**
     * The external references and contact values of the batch that stored customers already have: one query for the
     * batch's references; the e-mails and phones stored customers hold are those the batch's {@code blocks} found
     * holders of (every e-mail and phone of the batch is looked up there), so they are not looked up again.
     */
    private StoredKeys storedKeys(List<Row> batch, DuplicateMatcher.Blocks blocks) {
        Set<String> refs = new HashSet<>();
        Map<ContactPointKind, Set<String>> values = new EnumMap<>(ContactPointKind.class);
        for (Row row : batch) {
            if (row.registration().customer().externalRef() != null) {
                refs.add(row.registration().customer().externalRef());
            }
            for (ContactPointRecord p : row.registration().contactPoints()) {
                if (p.kind() != ContactPointKind.POSTAL) {
                    values.computeIfAbsent(p.kind(), k -> new HashSet<>()).add(p.value());
                }
            }
        }
        Set<String> storedRefs = new HashSet<>();
        for (List<String> chunk : Lists.partition(List.copyOf(refs), PageRequest.MAX_LIMIT)) {
            storedRefs.addAll(customerStorage.customers().existingExternalRefs(tenantId, chunk));
        }
        Map<ContactPointKind, Set<String>> storedValues = new EnumMap<>(ContactPointKind.class);
        values.forEach((kind, wanted) -> {
            Map<String, Set<UUID>> holders = kind == ContactPointKind.EMAIL ? blocks.byEmail() : blocks.byPhone();
            Set<String> found = new HashSet<>();
            for (String value : wanted) {
                if (!holders.getOrDefault(value, Set.of()).isEmpty()) {
                    found.add(value);
                }
            }
            storedValues.put(kind, found);
        });
        return new StoredKeys(storedRefs, storedValues);
    }

    /** What storage already holds of a batch's keys. */
    private record StoredKeys(Set<String> externalRefs, Map<ContactPointKind, Set<String>> values) {
        /** The field of the row that a stored customer already has, or null. */
        String clash(Registration registration) {
            String ref = registration.customer().externalRef();
            if (ref != null && externalRefs.contains(ref)) {
                return "externalRef";
            }
            List<ContactPointRecord> points = registration.contactPoints();
            for (int i = 0; i < points.size(); i++) {
                ContactPointRecord p = points.get(i);
                if (p.kind() != ContactPointKind.POSTAL && values.getOrDefault(p.kind(), Set.of()).contains(p.value())) {
                    return "contactPoints[" + i + "].value";
                }
            }
            return null;
        }
    }

    private ImportReport report() {
        List<ImportError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingLong(ImportError::row));
        return new ImportReport(rowsRead, imported, duplicates, sorted);
    }
}
