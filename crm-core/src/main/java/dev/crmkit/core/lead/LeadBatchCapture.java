package dev.crmkit.core.lead;

import com.google.common.collect.Lists;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.MatchSettings;
import dev.crmkit.core.customer.DuplicateCandidate;
import dev.crmkit.core.customer.PartyProfile;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadAttribution;
import dev.crmkit.model.lead.LeadDetails;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.idempotency.IdempotencyKey;
import dev.crmkit.spi.idempotency.IdempotencyStore;
import dev.crmkit.spi.lead.LeadKey;
import dev.crmkit.spi.lead.LeadRecord;
import dev.crmkit.spi.lead.LeadStorage;
import dev.crmkit.spi.lead.LeadStore;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every capture: {@link LeadService#captureAll}, and {@link LeadService#capture} as a batch of one, so the capture
 * decisions are written down once. A batch is decided as the same captures one after another would be, and written
 * with a bounded number of statements whatever its size. Reads: the idempotency keys, the open leads sharing an
 * e-mail, phone or name key, the matching customers, the pool and its rotation, each once per batch (the keys twice:
 * of stored leads, then of submissions merged into stored leads). Writes: the rotation, the merged submissions' keys,
 * the merge touch points, the new leads, the first-contact work and the events, each one batch; plus, per open lead
 * a resubmission was merged into, one engagement read and (for a lead stored before the batch) one update.
 *
 * <p>What a capture decides is in {@code Run.decide}: replay a key used before; else merge into the open lead the
 * {@link LeadDedupPolicy} names; else a new lead ({@link LeadAggregate#capture}), linked and flagged as the policy
 * says, and assigned by the tenant's strategy.
 *
 * <p>Two races with other nodes are met by deciding the batch again, inside the same transaction, before anything
 * of the attempt is written: another node distributed leads of the pool (the rotation's compare-and-set fails before
 * any write), or captured one of the batch's keyed submissions (the run's first keyed write fails on the key; the
 * rotation the attempt saved is put back first). The next attempt reads what the other node committed, where the
 * database shows it inside a running transaction (READ COMMITTED: PostgreSQL, H2, and the in-memory storage).
 */
final class LeadBatchCapture {
    /**
     * How many times a batch is decided while another node keeps winning one race: distributing leads of the pool
     * (the last attempt then stores the leads unassigned), or capturing the batch's keyed submissions (after the
     * last, the duplicate goes to the caller).
     */
    private static final int ATTEMPTS = 3;

    private final DomainContext context;
    private final Storage storage;
    private final LeadStorage leadStorage;
    private final TouchPointStorage touchPointStorage;
    private final String tenantId;
    private final LeadSettings settings;
    private final LeadIntake intake;
    private final LeadScorer scorer;
    private final LeadDistributor distributor;
    private final CustomerService customers;

    LeadBatchCapture(DomainContext context, String tenantId, LeadSettings settings, LeadIntake intake, LeadScorer scorer,
            LeadDistributor distributor, CustomerService customers) {
        this.context = context;
        this.storage = context.storage();
        this.leadStorage = this.storage.capability(LeadStorage.class).orElseThrow();
        this.touchPointStorage = this.storage.capability(TouchPointStorage.class).orElseThrow();
        this.tenantId = tenantId;
        this.settings = settings;
        this.intake = intake;
        this.scorer = scorer;
        this.distributor = distributor;
        this.customers = customers;
    }

    /** A validated command with the id a new lead from it gets. */
    private record Prepared(UUID id, LeadDetails details, LeadAttribution attribution, String key,
            PartyProfile party) {
    }

    /**
     * A single capture: the command is validated as a batch's is, but its errors name the field itself, and it is
     * decided and written as a batch of one.
     */
    CaptureResult captureOne(CaptureLead command) {
        Checks.required("command", command);
        return decideAndWrite(List.of(prepare(command))).get(0);
    }

    List<CaptureResult> capture(List<CaptureLead> commands) {
        Checks.noNulls("commands", commands);
        if (commands.size() > LeadService.MAX_BATCH) {
            throw new ValidationException("commands", "must hold at most " + LeadService.MAX_BATCH + " leads");
        }
        List<Prepared> batch = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            try {
                batch.add(prepare(commands.get(i)));
            } catch (ValidationException e) {
                throw new ValidationException("commands[" + i + "]." + e.field(), e.reason());
            }
        }
        if (batch.isEmpty()) {
            return List.of();
        }
        return decideAndWrite(batch);
    }

    private List<CaptureResult> decideAndWrite(List<Prepared> batch) {
        return storage.transactions().inTransaction(() -> {
            int rotationRaces = 0;
            int keyRaces = 0;
            while (true) {
                try {
                    // after losing the rotation race twice, store the leads unassigned: distribute hands them out later
                    return new Run(batch, context.now(), rotationRaces < ATTEMPTS - 1).execute();
                } catch (RotationRaced raced) {
                    rotationRaces++;
                } catch (KeyRaced raced) {
                    if (++keyRaces == ATTEMPTS) {
                        // the other node's submission stays out of sight in this transaction: the caller retries
                        throw raced.duplicate;
                    }
                }
            }
        });
    }

    private Prepared prepare(CaptureLead command) {
        LeadDetails details = intake.details(command);
        UUID id = context.ids().next();
        return new Prepared(id, details, intake.attribution(command),
                Checks.optionalText("idempotencyKey", command.idempotencyKey(), 100), LeadIntake.profile(id, details));
    }

    /** The pool's rotation moved between a run's read and its save; thrown before the run wrote anything. */
    private static final class RotationRaced extends RuntimeException {
        RotationRaced(ConflictException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * Another node captured one of the batch's keyed submissions since the run looked the keys up; thrown by the run's
     * first keyed write, before the run wrote anything but the rotation, which it has put back.
     */
    private static final class KeyRaced extends RuntimeException {
        private final DuplicateException duplicate;

        KeyRaced(DuplicateException duplicate) {
            super(duplicate.getMessage(), duplicate, false, false);
            this.duplicate = duplicate;
        }
    }

    /** One attempt at a batch: decisions in memory first, then the writes. */
    private final class Run {
        private final List<Prepared> batch;
        private final Instant now;
        private final LeadDistributor.Run assignments;

        /** Every lead the batch may match or change, as it stands now in the run: stored open leads and new ones. */
        private final Map<UUID, LeadRecord> leads = new HashMap<>();
        private final Map<LeadKey, Map<String, Set<UUID>>> index = new HashMap<>();
        private final Map<UUID, LeadRecord> replayed = new HashMap<>();
        /** The lead each key's submission went into: stored before the batch, or created or merged into by it. */
        private final Map<String, UUID> leadByKey = new HashMap<>();
        private final Map<UUID, List<DuplicateCandidate>> customerMatches;
        /** The tenant's customer matching settings: leads are compared with each other by the same rules. */
        private final MatchSettings matching;

        private final Set<UUID> created = new LinkedHashSet<>();
        /** The stored leads resubmissions were merged into, with the version and score read. */
        private final Map<UUID, LeadRecord> mergedStored = new LinkedHashMap<>();
        /** Every lead a resubmission was merged into, in the order of the first merge. */
        private final Set<UUID> mergedInto = new LinkedHashSet<>();
        /** Whether the run has written anything but the rotation. */
        private boolean wrote;
        private final List<InteractionRecord> touchPoints = new ArrayList<>();
        private final List<IdempotencyKey> mergedSubmissions = new ArrayList<>();
        private final List<LeadEvent> events = new ArrayList<>();
        private final List<UUID> resultLeads = new ArrayList<>();
        private final List<CaptureOutcome> outcomes = new ArrayList<>();
        private final List<List<LeadMatch>> resultMatches = new ArrayList<>();
        /** Scores with the tenant's model as it is when the run starts, checked once for the whole batch. */
        private final LeadScorer scoring;

        Run(List<Prepared> batch, Instant now, boolean distribute) {
            this.batch = batch;
            this.now = now;
            this.scoring = scorer.withCurrentModel();
            loadStoredKeys();
            loadOpenLeads();
            customerMatches = customers.findMatchesAll(batch.stream().map(Prepared::party).toList());
            matching = customers.matchSettings();
            this.assignments = distribute ? distributor.run(now) : null;
        }

        List<CaptureResult> execute() {
            for (Prepared p : batch) {
                decide(p);
            }
            if (assignments != null) {
                try {
                    assignments.save();
                } catch (ConflictException e) {
                    throw new RotationRaced(e);
                }
            }
            write();
            List<CaptureResult> results = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                UUID id = resultLeads.get(i);
                LeadRecord lead = leads.containsKey(id) ? leads.get(id) : replayed.get(id);
                results.add(new CaptureResult(Lead.of(lead), outcomes.get(i), resultMatches.get(i)));
            }
            return results;
        }

        /** The keys of earlier submissions: those of stored leads, then those merged into stored leads. */
        private void loadStoredKeys() {
            Set<String> keys = new LinkedHashSet<>();
            batch.stream().map(Prepared::key).filter(k -> k != null).forEach(keys::add);
            for (List<String> chunk : Lists.partition(List.copyOf(keys), LeadStore.MAX_LOOKUP)) {
                leadStorage.leads().findByIdempotencyKeys(tenantId, chunk).forEach(l -> {
                    leadByKey.put(l.idempotencyKey(), l.id());
                    replayed.put(l.id(), l);
                });
            }
            keys.removeAll(leadByKey.keySet());
            Set<UUID> mergedInto = new LinkedHashSet<>();
            for (List<String> chunk : Lists.partition(List.copyOf(keys), IdempotencyStore.MAX_LOOKUP)) {
                storage.idempotency().findAll(tenantId, LeadIntake.MERGED_SCOPE, chunk).forEach(m -> {
                    leadByKey.put(m.key(), m.targetId());
                    mergedInto.add(m.targetId());
                });
            }
            mergedInto.removeAll(replayed.keySet());
            if (!mergedInto.isEmpty()) {
                leadStorage.leads().getAll(tenantId, mergedInto).forEach(l -> replayed.put(l.id(), l));
            }
        }

        private void loadOpenLeads() {
            Set<String> emails = new LinkedHashSet<>();
            Set<String> phones = new LinkedHashSet<>();
            Set<String> names = new LinkedHashSet<>();
            for (Prepared p : batch) {
                emails.addAll(p.party().emails());
                phones.addAll(p.party().phones());
                if (p.party().nameKey() != null) {
                    names.add(p.party().nameKey());
                }
            }
            lookUp(LeadKey.EMAIL, emails);
            lookUp(LeadKey.PHONE, phones);
            lookUp(LeadKey.NAME_KEY, names);
        }

        private void lookUp(LeadKey key, Set<String> values) {
            for (List<String> chunk : Lists.partition(List.copyOf(values), LeadStore.MAX_LOOKUP / 2)) {
                leadStorage.leads().findOpenByKey(tenantId, key, chunk, LeadStore.MAX_LOOKUP).forEach(this::track);
            }
        }

        /** Holds the lead as it now stands and indexes its keys (a merge only ever adds values). */
        private void track(LeadRecord lead) {
            leads.put(lead.id(), lead);
            indexValue(LeadKey.EMAIL, lead.details().email(), lead.id());
            indexValue(LeadKey.PHONE, lead.details().phone(), lead.id());
            indexValue(LeadKey.NAME_KEY, lead.nameKey(), lead.id());
        }

        private void indexValue(LeadKey key, String value, UUID id) {
            if (value != null) {
                index.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(value, v -> new LinkedHashSet<>())
                        .add(id);
            }
        }

        private List<LeadRecord> openCandidates(PartyProfile party) {
            Map<UUID, LeadRecord> found = new TreeMap<>(dev.crmkit.spi.Ids.ORDER);
            Function<LeadKey, Map<String, Set<UUID>>> byKey = k -> index.getOrDefault(k, Map.of());
            party.emails().forEach(e -> byKey.apply(LeadKey.EMAIL).getOrDefault(e, Set.of())
                    .forEach(id -> found.put(id, leads.get(id))));
            party.phones().forEach(ph -> byKey.apply(LeadKey.PHONE).getOrDefault(ph, Set.of())
                    .forEach(id -> found.put(id, leads.get(id))));
            if (party.nameKey() != null) {
                byKey.apply(LeadKey.NAME_KEY).getOrDefault(party.nameKey(), Set.of())
                        .forEach(id -> found.put(id, leads.get(id)));
            }
            return List.copyOf(found.values());
        }

        /**
         * What a capture does: replays a submission whose key was used before (by a lead captured with it, by a
         * submission merged into a lead, or by the lead it would be merged into, when another node committed it
         * a moment ago); merges it into the open lead the dedup policy names; or captures a new lead, linked and
         * flagged as the policy says, and assigned by the tenant's strategy.
         */
        private void decide(Prepared p) {
            if (p.key() != null && leadByKey.containsKey(p.key())) {
                result(leadByKey.get(p.key()), CaptureOutcome.REPLAYED, List.of());
                return;
            }
            List<LeadMatch> matches = LeadIntake.matches(p.party(), openCandidates(p.party()),
                    customerMatches.getOrDefault(p.id(), List.of()), matching);
            LeadDedupPolicy policy = settings.dedup();
            Optional<LeadMatch> sameLead = policy.mergeTarget(matches);
            if (sameLead.isPresent()) {
                UUID target = sameLead.get().id();
                if (p.key() != null && p.key().equals(leads.get(target).idempotencyKey())) {
                    replayed.put(target, leads.get(target));
                    result(target, CaptureOutcome.REPLAYED, List.of());
                    return;
                }
                merge(target, p);
                result(target, CaptureOutcome.MERGED, matches);
                return;
            }
            LeadChange captured = LeadAggregate.capture(tenantId, p.id(), p.details(), p.attribution(), p.key(),
                    policy.linkedCustomer(matches), policy.needsReview(matches), settings.firstContactTarget(),
                    lead -> scoring.score(lead, List.of(), now), now);
            Optional<UUID> owner = assignments == null ? Optional.empty()
                    : assignments.choose(Lead.of(captured.after()));
            if (owner.isPresent()) {
                captured = captured.then(lead -> lead.assign(owner.get(), Assignment.AUTOMATIC, now));
            }
            LeadRecord lead = captured.after();
            events.addAll(captured.events());
            track(lead);
            created.add(lead.id());
            if (p.key() != null) {
                leadByKey.put(p.key(), lead.id());
            }
            result(lead.id(), CaptureOutcome.CREATED, matches);
        }

        private void merge(UUID targetId, Prepared p) {
            LeadRecord existing = leads.get(targetId);
            if (!created.contains(targetId)) {
                mergedStored.putIfAbsent(targetId, existing);
            }
            mergedInto.add(targetId);
            touchPoints.add(LeadIntake.resubmission(tenantId, context.ids().next(), targetId, p.attribution(), now));
            if (p.key() != null) {
                leadByKey.put(p.key(), targetId);
                mergedSubmissions.add(new IdempotencyKey(tenantId, LeadIntake.MERGED_SCOPE, p.key(), targetId, now));
            }
            LeadChange merged = new LeadAggregate(existing).resubmitted(p.details(), p.attribution(), now);
            track(merged.after());
            events.addAll(merged.events());
        }

        private void result(UUID leadId, CaptureOutcome outcome, List<LeadMatch> matches) {
            resultLeads.add(leadId);
            outcomes.add(outcome);
            resultMatches.add(matches);
        }

        private void write() {
            if (!mergedSubmissions.isEmpty()) {
                keyedWrite(() -> storage.idempotency().recordAll(mergedSubmissions));
            }
            if (!touchPoints.isEmpty()) {
                touchPointStorage.interactions().insertAll(touchPoints);
                wrote = true;
            }
            // a lead merged into is rescored once, with its touch points stored (those of this batch included)
            for (UUID id : mergedInto) {
                LeadChange rescored = LeadChange.none(leads.get(id)).rescored(lead -> scoring.score(lead,
                        touchPointStorage.interactions().activityByChannel(tenantId, id), now), now);
                leads.put(id, rescored.after());
                events.addAll(rescored.events());
            }
            List<LeadRecord> fresh = created.stream().map(leads::get).toList();
            if (!fresh.isEmpty()) {
                keyedWrite(() -> leadStorage.leads().insertAll(fresh));
                storage.dueWork().scheduleAll(fresh.stream().map(l -> DueWorkRecord.of(tenantId, context.ids().next(),
                        LeadService.FIRST_CONTACT_DUE, l.id().toString(), l.firstContactDueAt(), null)).toList());
            }
            mergedStored.forEach((id, read) -> leads.put(id, leadStorage.leads().update(leads.get(id), read.version())));
            context.events().record(events);
        }

        /**
         * A write of the batch's idempotency keys (the merged submissions', or the new leads' with them). When it is
         * the run's first write and another node has meanwhile captured one of the submissions, the rotation this run
         * saved is put back and the batch is decided again ({@link KeyRaced}); later, it is too late for that, and
         * the duplicate ends the batch.
         */
        private void keyedWrite(Runnable write) {
            try {
                write.run();
            } catch (DuplicateException e) {
                if (wrote || !"idempotencyKey".equals(e.key())) {
                    throw e;
                }
                if (assignments != null) {
                    assignments.undo();
                }
                throw new KeyRaced(e);
            }
            wrote = true;
        }
    }
}
