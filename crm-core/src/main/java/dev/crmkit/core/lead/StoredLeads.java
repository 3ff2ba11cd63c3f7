package dev.crmkit.core.lead;

import dev.crmkit.core.common.Text;
import dev.crmkit.core.customer.ContactValues;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.team.TeamMember;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadFilter;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.lead.LeadModelRecord;
import dev.crmkit.spi.lead.LeadRecord;
import dev.crmkit.spi.lead.LeadStorage;
import dev.crmkit.spi.lead.LeadTally;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** {@link LeadService} over the storage contract. */
final class StoredLeads implements LeadService {
    private static final int PAGE = 500;

    private final DomainContext context;
    private final Storage storage;
    private final LeadStorage leadStorage;
    private final TouchPointStorage touchPointStorage;
    private final String tenantId;
    private final TeamService team;
    private final StoredLeadModels models;
    private final LeadIntake intake;
    private final LeadScorer scorer;
    private final LeadDistributor distributor;
    private final LeadConverter converter;
    private final LeadBatchCapture batchCapture;

    StoredLeads(DomainContext context, String tenantId, LeadSettings settings, ContactValues contacts,
            CustomerService customers, TeamService team, StoredLeadModels models, OpportunityOpener opportunities) {
        this.context = context;
        this.storage = context.storage();
        this.leadStorage = this.storage.capability(LeadStorage.class).orElseThrow();
        this.touchPointStorage = this.storage.capability(TouchPointStorage.class).orElseThrow();
        this.tenantId = tenantId;
        this.team = team;
        this.models = models;
        this.intake = new LeadIntake(contacts);
        this.scorer = new LeadScorer(storage, tenantId, settings, models);
        this.distributor = new LeadDistributor(storage, tenantId, settings, team);
        this.converter = new LeadConverter(context, tenantId, customers, opportunities);
        this.batchCapture = new LeadBatchCapture(context, tenantId, settings, intake, scorer, distributor, customers);
    }

    // ---- capture ------------------------------------------------------------------------------------------

    @Override
    public CaptureResult capture(CaptureLead command) {
        return batchCapture.captureOne(command);
    }

    @Override
    public List<CaptureResult> captureAll(List<CaptureLead> commands) {
        return batchCapture.capture(commands);
    }

    // ---- reads --------------------------------------------------------------------------------------------

    @Override
    public Lead get(UUID leadId) {
        Checks.id("leadId", leadId);
        return Lead.of(record(leadId));
    }

    @Override
    public Page<Lead> find(LeadFilter filter, PageRequest page) {
        Checks.required("filter", filter);
        Checks.required("page", page);
        Page<LeadRecord> records = leadStorage.leads().find(tenantId, filter, page);
        return new Page<>(records.items().stream().map(Lead::of).toList(), records.next());
    }

    @Override
    public List<QueueEntry> queue(UUID memberId, int limit) {
        Checks.id("memberId", memberId);
        Checks.limit("limit", limit, PageRequest.MAX_LIMIT);
        Instant now = context.now();
        List<QueueEntry> entries = new ArrayList<>();
        forEachLead(LeadFilter.open().ownedBy(memberId), lead -> entries.add(WorkQueuePriority.of(Lead.of(lead), now)));
        entries.sort(Comparator.comparingInt(QueueEntry::priority).reversed()
                .thenComparing(e -> e.lead().createdAt()).thenComparing(e -> e.lead().id(), dev.crmkit.spi.Ids.ORDER));
        return List.copyOf(entries.subList(0, Math.min(limit, entries.size())));
    }

    @Override
    public List<SourceFunnel> funnel(Instant from, Instant to) {
        Instant start = Checks.instant("from", from);
        Instant end = Checks.instant("to", to);
        if (!start.isBefore(end)) {
            throw new ValidationException("to", "must lie after from");
        }
        Map<dev.crmkit.model.lead.LeadSource, Map<LeadStatus, Long>> bySource = new LinkedHashMap<>();
        for (LeadTally tally : leadStorage.leads().tally(tenantId, start, end)) {
            bySource.computeIfAbsent(tally.source(), s -> new EnumMap<>(LeadStatus.class))
                    .put(tally.status(), tally.count());
        }
        List<SourceFunnel> funnels = new ArrayList<>();
        bySource.forEach((source, counts) -> {
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            long converted = counts.getOrDefault(LeadStatus.CONVERTED, 0L);
            long closed = converted + counts.getOrDefault(LeadStatus.DISQUALIFIED, 0L);
            funnels.add(new SourceFunnel(source, counts, total, closed == 0 ? 0 : (double) converted / closed));
        });
        return funnels;
    }

    // ---- work: load the lead, call its behaviour, store what it now holds, record its events -----------------

    @Override
    public Lead recordTouchPoint(UUID leadId, LeadTouchPoint touchPoint) {
        Checks.id("leadId", leadId);
        Checks.required("touchPoint", touchPoint);
        return inTransaction(() -> {
            Instant now = context.now();
            LeadChange change = lead(leadId).touchedBy(touchPoint, now);
            touchPointStorage.interactions().insert(new InteractionRecord(tenantId, context.ids().next(), 1, now, now,
                    leadId, touchPoint.channel(), touchPoint.direction(), Purpose.SALES, touchPoint.outcome(),
                    touchPoint.agentId(), touchPoint.summary(), touchPoint.occurredAt(), null));
            // scored after the touch point is stored: engagement counts it
            return Lead.of(store(change.rescored(lead -> scorer.score(lead, now), now)));
        });
    }

    @Override
    public Lead updateDetails(UpdateLeadDetails change) {
        Checks.required("change", change);
        return inTransaction(() -> {
            Instant now = context.now();
            LeadChange corrected = lead(change.leadId())
                    .correct(stored -> intake.details(LeadIntake.corrected(stored, change)), now);
            // a correction that changes nothing writes nothing, not even a score that drifted since
            return Lead.of(store(corrected.changed() ? corrected.rescored(lead -> scorer.score(lead, now), now)
                    : corrected));
        });
    }

    @Override
    public Lead updateQualification(UUID leadId, Qualification answers) {
        Checks.id("leadId", leadId);
        Checks.required("answers", answers);
        return work(leadId, (lead, now) -> lead.answer(answers, now));
    }

    @Override
    public Lead qualify(UUID leadId) {
        Checks.id("leadId", leadId);
        return work(leadId, (lead, now) -> lead.qualify(QualificationRule.bantWithNeed(), now));
    }

    @Override
    public Lead nurture(UUID leadId) {
        Checks.id("leadId", leadId);
        return work(leadId, (lead, now) -> lead.nurture(now));
    }

    @Override
    public Lead disqualify(UUID leadId, String reason) {
        Checks.id("leadId", leadId);
        String why = Text.required("reason", reason, 200);
        return work(leadId, (lead, now) -> lead.disqualify(why, now));
    }

    @Override
    public Lead recycle(UUID leadId) {
        Checks.id("leadId", leadId);
        return work(leadId, (lead, now) -> lead.recycle(now));
    }

    /** One behaviour of one lead, rescored after it, in a transaction of its own. */
    private Lead work(UUID leadId, java.util.function.BiFunction<LeadAggregate, Instant, LeadChange> behaviour) {
        return inTransaction(() -> {
            Instant now = context.now();
            return Lead.of(store(behaviour.apply(lead(leadId), now).rescored(lead -> scorer.score(lead, now), now)));
        });
    }

    // ---- distribution -------------------------------------------------------------------------------------

    @Override
    public Lead assign(UUID leadId, UUID memberId) {
        Checks.id("leadId", leadId);
        Checks.id("memberId", memberId);
        return inTransaction(() -> {
            Instant now = context.now();
            LeadChange change = lead(leadId).assign(memberId, Assignment.MANUAL, now);
            if (change.changed()) {
                TeamMember member;
                try {
                    member = team.member(memberId);
                } catch (NotFoundException unknown) {
                    throw new ValidationException("memberId", "names no team member of this tenant");
                }
                if (!member.availableAt(now)) {
                    throw new ValidationException("memberId", "is not available for new work");
                }
                if (!distributor.reserveForManualAssignment(member, now)) {
                    throw new ValidationException("memberId", "has no capacity left");
                }
            }
            return Lead.of(store(change));
        });
    }

    @Override
    public Lead distribute(UUID leadId) {
        Checks.id("leadId", leadId);
        return inTransaction(() -> {
            LeadAggregate lead = lead(leadId);
            lead.checkOpen();
            if (lead.record().ownerId() != null) {
                return Lead.of(lead.record());
            }
            return Lead.of(store(assignAutomatically(LeadChange.none(lead.record()), context.now(), null,
                    Assignment.AUTOMATIC)));
        });
    }

    @Override
    public int redistribute(UUID memberId) {
        Checks.id("memberId", memberId);
        TeamMember member = team.member(memberId);
        if (member.availableAt(context.now())) {
            return 0;
        }
        int moved = 0;
        while (true) {
            // each page in its own transaction, so a large book of leads never holds one long transaction
            int movedNow = inTransaction(() -> {
                Instant now = context.now();
                List<LeadRecord> page = leadStorage.leads().find(tenantId, LeadFilter.open().ownedBy(memberId),
                        PageRequest.first(PAGE)).items();
                for (LeadRecord lead : page) {
                    LeadChange unassigned = new LeadAggregate(lead).assign(null, Assignment.REDISTRIBUTED, now);
                    store(assignAutomatically(unassigned, now, memberId, Assignment.REDISTRIBUTED));
                }
                return page.size();
            });
            moved += movedNow;
            if (movedNow < PAGE) {
                return moved;
            }
        }
    }

    /**
     * {@code change} followed by the owner the tenant's strategy chooses for the lead it leaves unassigned. When
     * another node assigned a lead of the pool at the same moment, the lead stays unassigned rather than the command
     * failing: {@link #distribute} hands it out later.
     */
    private LeadChange assignAutomatically(LeadChange change, Instant now, UUID excluded, Assignment how) {
        Optional<UUID> chosen;
        try {
            chosen = distributor.choose(Lead.of(change.after()), now, excluded);
        } catch (ConflictException raced) {
            return change;
        }
        return chosen.isEmpty() ? change : change.then(lead -> lead.assign(chosen.get(), how, now));
    }

    // ---- conversion, scoring ------------------------------------------------------------------------------

    @Override
    public Conversion convert(ConvertLead command) {
        Checks.required("command", command);
        return inTransaction(() -> {
            Instant now = context.now();
            LeadAggregate lead = lead(command.leadId());
            lead.checkConvertible();
            LeadConverter.Converted converted = converter.convert(lead.record(), command, now);
            Lead stored = Lead.of(store(lead.convert(converted.customerId(), converted.newCustomer(),
                    converted.opportunityId(), converted.touchPointsMoved(), now)));
            return new Conversion(stored, converted.customerId(), converted.newCustomer(), converted.opportunityId(),
                    converted.touchPointsMoved());
        });
    }

    @Override
    public Lead rescore(UUID leadId) {
        Checks.id("leadId", leadId);
        return inTransaction(() -> {
            Instant now = context.now();
            return Lead.of(store(LeadChange.none(lead(leadId).record()).rescored(lead -> scorer.score(lead, now), now)));
        });
    }

    @Override
    public TrainingReport trainPredictiveModel() {
        // the version this training replaces, read before the history: a model another node stores meanwhile makes
        // the save below conflict rather than be overwritten unseen
        long basedOn = inTransaction(() -> models.currentVersion(tenantId));
        NaiveBayesLeadModel.Trainer trainer = NaiveBayesLeadModel.trainer();
        Instant now = context.now();
        Instant[] window = new Instant[2];
        forEachLead(LeadFilter.all().withStatuses(java.util.EnumSet.of(LeadStatus.CONVERTED, LeadStatus.DISQUALIFIED)),
                lead -> {
                    trainer.add(LeadScorer.facts(lead, List.of(), now), lead.status() == LeadStatus.CONVERTED);
                    window[0] = window[0] == null || lead.createdAt().isBefore(window[0]) ? lead.createdAt() : window[0];
                    window[1] = window[1] == null || lead.createdAt().isAfter(window[1]) ? lead.createdAt() : window[1];
                });
        long[] counts = trainer.counts();
        if (!trainer.hasEnough()) {
            return new TrainingReport(counts[0], counts[1], false, basedOn);
        }
        String body = trainer.build().encode();
        return inTransaction(() -> {
            Instant stored = context.now();
            LeadModelRecord model = models.save(new LeadModelRecord(tenantId, context.ids().next(), basedOn + 1, stored,
                    stored, NaiveBayesLeadModel.KIND, body), basedOn);
            context.events().record(new LeadModelTrained(tenantId, model.id(), model.version(), model.kind(),
                    counts[0], counts[1], window[0], window[1], stored));
            return new TrainingReport(counts[0], counts[1], true, model.version());
        });
    }

    /**
     * Stores what a change left the lead with, over the version it read, ends the lead's first-contact alert when the
     * change says so, and records the change's events; a change that changed nothing writes nothing.
     */
    private LeadRecord store(LeadChange change) {
        if (!change.changed()) {
            return change.after();
        }
        LeadRecord stored = leadStorage.leads().update(change.after(), change.before().version());
        if (change.endsFirstContactAlert()) {
            storage.dueWork().cancel(tenantId, FIRST_CONTACT_DUE, stored.id().toString());
        }
        context.events().record(change.events());
        return stored;
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private void forEachLead(LeadFilter filter, java.util.function.Consumer<LeadRecord> action) {
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            Page<LeadRecord> page = leadStorage.leads().find(tenantId, filter, request);
            page.items().forEach(action);
            if (page.next().isEmpty()) {
                return;
            }
            request = request.next(page.next().get());
        }
    }

    /** The lead with this id, as its aggregate. */
    private LeadAggregate lead(UUID leadId) {
        return new LeadAggregate(record(leadId));
    }

    private LeadRecord record(UUID leadId) {
        return leadStorage.leads().get(tenantId, leadId).orElseThrow(() -> new NotFoundException("lead", leadId));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }
}
