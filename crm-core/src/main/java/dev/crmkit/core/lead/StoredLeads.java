package dev.crmkit.core.lead;

import dev.crmkit.core.customer.ContactValues;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.team.TeamMember;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.spi.Checks;
import dev.crmkit.spi.ConflictException;
import dev.crmkit.spi.DuplicateException;
import dev.crmkit.spi.NotFoundException;
import dev.crmkit.spi.Page;
import dev.crmkit.spi.PageRequest;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.ValidationException;
import dev.crmkit.spi.idempotency.IdempotencyKey;
import dev.crmkit.spi.lead.LeadAttribution;
import dev.crmkit.spi.lead.LeadDetails;
import dev.crmkit.spi.lead.LeadFilter;
import dev.crmkit.spi.lead.LeadRecord;
import dev.crmkit.spi.lead.LeadStatus;
import dev.crmkit.spi.lead.LeadStorage;
import dev.crmkit.spi.lead.LeadTally;
import dev.crmkit.spi.lead.Qualification;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import dev.crmkit.spi.touchpoint.Purpose;
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
    private final LeadSettings settings;
    private final TeamService team;
    private final PredictiveModels models;
    private final LeadIntake intake;
    private final LeadScorer scorer;
    private final LeadDistributor distributor;
    private final LeadConverter converter;
    private final LeadBatchCapture batchCapture;

    StoredLeads(DomainContext context, String tenantId, LeadSettings settings, ContactValues contacts,
            CustomerService customers, TeamService team, PredictiveModels models, OpportunityOpener opportunities) {
        this.context = context;
        this.storage = context.storage();
        this.leadStorage = this.storage.capability(LeadStorage.class).orElseThrow();
        this.touchPointStorage = this.storage.capability(TouchPointStorage.class).orElseThrow();
        this.tenantId = tenantId;
        this.settings = settings;
        this.team = team;
        this.models = models;
        this.intake = new LeadIntake(storage, tenantId, contacts, customers);
        this.scorer = new LeadScorer(storage, tenantId, settings, models);
        this.distributor = new LeadDistributor(storage, tenantId, settings, team);
        this.converter = new LeadConverter(context, tenantId, customers, team, opportunities);
        this.batchCapture = new LeadBatchCapture(context, tenantId, settings, intake, scorer, distributor, customers);
    }

    // ---- capture ------------------------------------------------------------------------------------------

    @Override
    public CaptureResult capture(CaptureLead command) {
        Checks.required("command", command);
        LeadDetails details = intake.details(command);
        LeadAttribution attribution = intake.attribution(command);
        String key = Checks.optionalText("idempotencyKey", command.idempotencyKey(), 100);
        UUID id = context.ids().next();
        return inTransaction(() -> {
            if (key != null) {
                Optional<LeadRecord> earlier = capturedWith(key);
                if (earlier.isPresent()) {
                    return new CaptureResult(Lead.of(earlier.get()), CaptureOutcome.REPLAYED, List.of());
                }
            }
            Instant now = context.now();
            List<LeadMatch> matches = intake.matches(LeadIntake.profile(id, details));
            LeadDedupPolicy policy = settings.dedup();
            Optional<LeadMatch> sameLead = policy.mergeTarget(matches);
            if (sameLead.isPresent()) {
                return merge(sameLead.get().id(), details, attribution, key, matches, now);
            }
            UUID linked = policy.linkedCustomer(matches);
            boolean review = policy.needsReview(matches);
            LeadRecord fresh = LeadIntake.newLead(tenantId, id, details, attribution, linked, review, key, now,
                    settings.firstContactTarget());
            LeadScore score = scorer.score(fresh, List.of(), now);
            LeadRecord stored;
            try {
                stored = leadStorage.leads().insert(fresh.withScore(score.points(), score.factors()));
            } catch (DuplicateException e) {
                if (key == null || !"idempotencyKey".equals(e.key())) {
                    throw e;
                }
                // another node captured the same submission a moment ago
                return replayed(key);
            }
            storage.dueWork().schedule(DueWorkRecord.of(tenantId, context.ids().next(), FIRST_CONTACT_DUE,
                    id.toString(), stored.firstContactDueAt(), null));
            context.events().record(new LeadCaptured(tenantId, id, attribution.source(), attribution.campaignId(),
                    stored.score(), linked, review, now));
            stored = assignAutomatically(stored, now, null, Assignment.AUTOMATIC);
            return new CaptureResult(Lead.of(stored), CaptureOutcome.CREATED, matches);
        });
    }

    @Override
    public List<CaptureResult> captureAll(List<CaptureLead> commands) {
        return batchCapture.capture(commands);
    }

    /**
     * The lead the submission with this key went into: the lead captured with it, or the lead it was merged into.
     */
    private Optional<LeadRecord> capturedWith(String key) {
        Optional<LeadRecord> lead = leadStorage.leads().findByIdempotencyKey(tenantId, key);
        if (lead.isPresent()) {
            return lead;
        }
        return storage.idempotency().findAll(tenantId, LeadIntake.MERGED_SCOPE, List.of(key)).stream().findFirst()
                .map(merged -> record(merged.targetId()));
    }

    private CaptureResult replayed(String key) {
        return new CaptureResult(Lead.of(capturedWith(key).orElseThrow()), CaptureOutcome.REPLAYED, List.of());
    }

    private CaptureResult merge(UUID existingId, LeadDetails details, LeadAttribution attribution, String key,
            List<LeadMatch> matches, Instant now) {
        if (key != null) {
            try {
                storage.idempotency().recordAll(List.of(new IdempotencyKey(tenantId, LeadIntake.MERGED_SCOPE, key,
                        existingId, now)));
            } catch (DuplicateException e) {
                // another node merged the same submission a moment ago
                return replayed(key);
            }
        }
        LeadRecord existing = record(existingId);
        LeadDetails filled = LeadIntake.fillGaps(existing.details(), details);
        touchPointStorage.interactions().insert(LeadIntake.resubmission(tenantId, context.ids().next(), existingId, attribution,
                now));
        LeadRecord changed = existing.withDetails(filled, LeadIntake.profile(existingId, filled).nameKey())
                .touched(now);
        LeadRecord stored = saveRescored(existing, changed, now);
        context.events().record(new LeadResubmitted(tenantId, existingId, attribution.source(),
                attribution.campaignId(), now));
        return new CaptureResult(Lead.of(stored), CaptureOutcome.MERGED, matches);
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
        Map<dev.crmkit.spi.lead.LeadSource, Map<LeadStatus, Long>> bySource = new LinkedHashMap<>();
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

    // ---- work ---------------------------------------------------------------------------------------------

    @Override
    public Lead recordTouchPoint(UUID leadId, LeadTouchPoint touchPoint) {
        Checks.id("leadId", leadId);
        Checks.required("touchPoint", touchPoint);
        return inTransaction(() -> {
            Instant now = context.now();
            LeadRecord before = openRecord(leadId);
            touchPointStorage.interactions().insert(new InteractionRecord(tenantId, context.ids().next(), 1, now, now, leadId,
                    touchPoint.channel(), touchPoint.direction(), Purpose.SALES, touchPoint.outcome(),
                    touchPoint.agentId(), touchPoint.summary(), touchPoint.occurredAt(), null));
            LeadRecord changed = before.touched(now);
            if (touchPoint.isContact() && before.firstContactedAt() == null) {
                changed = changed.withFirstContact(before.firstContactDueAt(), touchPoint.occurredAt());
                storage.dueWork().cancel(tenantId, FIRST_CONTACT_DUE, leadId.toString());
                if (before.status() == LeadStatus.NEW) {
                    changed = changed.withStatus(LeadStatus.CONTACTED, null, null, null, null);
                    context.events().record(new LeadStatusChanged(tenantId, leadId, LeadStatus.NEW,
                            LeadStatus.CONTACTED, now));
                }
            }
            return Lead.of(saveRescored(before, changed, now));
        });
    }

    @Override
    public Lead updateDetails(UpdateLeadDetails change) {
        Checks.required("change", change);
        return inTransaction(() -> {
            LeadRecord before = openRecord(change.leadId());
            LeadDetails details = intake.details(LeadIntake.corrected(before.details(), change));
            if (details.equals(before.details())) {
                return Lead.of(before);
            }
            Instant now = context.now();
            LeadRecord changed = before.withDetails(details, LeadIntake.profile(before.id(), details).nameKey())
                    .touched(now);
            LeadRecord stored = saveRescored(before, changed, now);
            context.events().record(new LeadChanged(tenantId, before.id(), before.qualification().answered(), now));
            return Lead.of(stored);
        });
    }

    @Override
    public Lead updateQualification(UUID leadId, Qualification answers) {
        Checks.id("leadId", leadId);
        Checks.required("answers", answers);
        return inTransaction(() -> {
            Instant now = context.now();
            LeadRecord before = openRecord(leadId);
            LeadRecord stored = saveRescored(before, before.withQualification(answers).touched(now), now);
            context.events().record(new LeadChanged(tenantId, leadId, answers.answered(), now));
            return Lead.of(stored);
        });
    }

    @Override
    public Lead qualify(UUID leadId) {
        Checks.id("leadId", leadId);
        return inTransaction(() -> {
            LeadRecord before = record(leadId);
            LeadLifecycle.check(before.status(), LeadStatus.QUALIFIED);
            Qualification q = before.qualification();
            if (q.need() == null) {
                throw new ValidationException("qualification.need", "must be known to qualify the lead");
            }
            if (q.answered() < 3) {
                throw new ValidationException("qualification", "needs at least three of budget, authority, need"
                        + " and timeline answered to qualify the lead");
            }
            return move(before, LeadStatus.QUALIFIED, null);
        });
    }

    @Override
    public Lead nurture(UUID leadId) {
        Checks.id("leadId", leadId);
        return inTransaction(() -> move(openRecord(leadId), LeadStatus.NURTURING, null));
    }

    @Override
    public Lead disqualify(UUID leadId, String reason) {
        Checks.id("leadId", leadId);
        String why = Checks.text("reason", reason, 200).strip();
        return inTransaction(() -> move(record(leadId), LeadStatus.DISQUALIFIED, why));
    }

    @Override
    public Lead recycle(UUID leadId) {
        Checks.id("leadId", leadId);
        return inTransaction(() -> {
            LeadRecord lead = record(leadId);
            if (lead.status() != LeadStatus.DISQUALIFIED) {
                throw new dev.crmkit.spi.IllegalTransitionException("lead", lead.status(), "recycled");
            }
            return move(lead, LeadStatus.NURTURING, null);
        });
    }

    /** Moves a lead in its lifecycle; closing it ends its first-contact alert. */
    private Lead move(LeadRecord before, LeadStatus to, String reason) {
        LeadLifecycle.check(before.status(), to);
        Instant now = context.now();
        LeadRecord changed = before.withStatus(to, reason, null, null, to.isOpen() ? null : now).touched(now);
        if (!to.isOpen()) {
            storage.dueWork().cancel(tenantId, FIRST_CONTACT_DUE, before.id().toString());
        }
        LeadRecord stored = saveRescored(before, changed, now);
        context.events().record(new LeadStatusChanged(tenantId, before.id(), before.status(), to, now));
        return Lead.of(stored);
    }

    // ---- distribution -------------------------------------------------------------------------------------

    @Override
    public Lead assign(UUID leadId, UUID memberId) {
        Checks.id("leadId", leadId);
        Checks.id("memberId", memberId);
        return inTransaction(() -> {
            Instant now = context.now();
            LeadRecord before = openRecord(leadId);
            if (memberId.equals(before.ownerId())) {
                return Lead.of(before);
            }
            TeamMember member = team.member(memberId)
                    .orElseThrow(() -> new ValidationException("memberId", "names no team member of this tenant"));
            if (!member.availableAt(now)) {
                throw new ValidationException("memberId", "is not available for new work");
            }
            if (!distributor.canTake(member, now)) {
                throw new ValidationException("memberId", "has no capacity left");
            }
            return Lead.of(reassign(before, memberId, now, Assignment.MANUAL));
        });
    }

    @Override
    public Lead distribute(UUID leadId) {
        Checks.id("leadId", leadId);
        return inTransaction(() -> {
            LeadRecord lead = openRecord(leadId);
            if (lead.ownerId() != null) {
                return Lead.of(lead);
            }
            return Lead.of(assignAutomatically(lead, context.now(), null, Assignment.AUTOMATIC));
        });
    }

    @Override
    public int redistribute(UUID memberId) {
        Checks.id("memberId", memberId);
        TeamMember member = team.member(memberId).orElseThrow(() -> new NotFoundException("team member", memberId));
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
                    LeadRecord unassigned = reassign(lead, null, now, Assignment.REDISTRIBUTED);
                    assignAutomatically(unassigned, now, memberId, Assignment.REDISTRIBUTED);
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
     * Lets the tenant's strategy choose an owner for an unassigned lead and stores the choice. When another node
     * assigned a lead of the pool at the same moment, the lead stays unassigned rather than the capture failing:
     * {@link #distribute} hands it out later.
     */
    private LeadRecord assignAutomatically(LeadRecord lead, Instant now, UUID excluded, Assignment how) {
        Optional<UUID> chosen;
        try {
            chosen = distributor.choose(Lead.of(lead), now, excluded);
        } catch (ConflictException raced) {
            return lead;
        }
        return chosen.isEmpty() ? lead : reassign(lead, chosen.get(), now, how);
    }

    private LeadRecord reassign(LeadRecord before, UUID ownerId, Instant now, Assignment how) {
        LeadRecord stored = leadStorage.leads().update(before.withOwner(ownerId, now).touched(now), before.version());
        context.events().record(new LeadAssigned(tenantId, before.id(), before.ownerId(), ownerId, how, now));
        return stored;
    }

    // ---- conversion, scoring ------------------------------------------------------------------------------

    @Override
    public Conversion convert(ConvertLead command) {
        Checks.required("command", command);
        return inTransaction(() -> {
            LeadRecord before = record(command.leadId());
            LeadLifecycle.check(before.status(), LeadStatus.CONVERTED);
            return converter.convert(before, command, context.now());
        });
    }

    @Override
    public Lead rescore(UUID leadId) {
        Checks.id("leadId", leadId);
        return inTransaction(() -> {
            LeadRecord before = record(leadId);
            return Lead.of(saveRescored(before, before, context.now()));
        });
    }

    @Override
    public TrainingReport trainPredictiveModel() {
        NaiveBayesLeadModel.Trainer trainer = NaiveBayesLeadModel.trainer();
        Instant now = context.now();
        forEachLead(LeadFilter.all().withStatuses(java.util.EnumSet.of(LeadStatus.CONVERTED, LeadStatus.DISQUALIFIED)),
                lead -> trainer.add(LeadScorer.facts(lead, List.of(), now), lead.status() == LeadStatus.CONVERTED));
        boolean trained = trainer.hasEnough();
        NaiveBayesLeadModel model = trained ? trainer.build() : null;
        if (model != null) {
            models.install(tenantId, model);
        }
        long[] counts = trainer.counts();
        return new TrainingReport(counts[0], counts[1], trained);
    }

    /**
     * Stores {@code changed} over {@code before}'s version with a fresh score, recording {@link LeadScored} when
     * the score moved.
     */
    private LeadRecord saveRescored(LeadRecord before, LeadRecord changed, Instant now) {
        LeadScore score = changed.isOpen() ? scorer.score(changed, now)
                : new LeadScore(changed.score(), changed.scoreFactors());
        LeadRecord stored = leadStorage.leads().update(changed.withScore(score.points(), score.factors()).touched(now),
                before.version());
        if (stored.score() != before.score()) {
            context.events().record(new LeadScored(tenantId, before.id(), before.score(), stored.score(), now));
        }
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

    private LeadRecord record(UUID leadId) {
        return leadStorage.leads().get(tenantId, leadId).orElseThrow(() -> new NotFoundException("lead", leadId));
    }

    private LeadRecord openRecord(UUID leadId) {
        LeadRecord lead = record(leadId);
        if (!lead.isOpen()) {
            throw new dev.crmkit.spi.IllegalTransitionException("lead", lead.status(), "being worked");
        }
        return lead;
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }
}
