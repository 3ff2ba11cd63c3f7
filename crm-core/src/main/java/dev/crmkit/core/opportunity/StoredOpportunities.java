package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.spi.Checks;
import dev.crmkit.spi.ConflictException;
import dev.crmkit.spi.DuplicateException;
import dev.crmkit.spi.NotFoundException;
import dev.crmkit.spi.Page;
import dev.crmkit.spi.PageRequest;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.ValidationException;
import dev.crmkit.spi.idempotency.IdempotencyKey;
import dev.crmkit.spi.opportunity.ForecastCategory;
import dev.crmkit.spi.opportunity.OpportunityFilter;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import dev.crmkit.spi.opportunity.OpportunityStorage;
import dev.crmkit.spi.opportunity.PipelineRecord;
import dev.crmkit.spi.opportunity.PipelineStage;
import dev.crmkit.spi.opportunity.StageChangeRecord;
import dev.crmkit.spi.opportunity.StageOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** {@link OpportunityService} over the storage contract. */
final class StoredOpportunities implements OpportunityService {
    private final DomainContext context;
    private final Storage storage;
    private final OpportunityStorage opportunityStorage;
    private final String tenantId;
    private final StalledDeals stalled;
    private final Pipelines pipelines;

    StoredOpportunities(DomainContext context, String tenantId) {
        this.context = context;
        this.storage = context.storage();
        this.opportunityStorage = this.storage.capability(OpportunityStorage.class).orElseThrow();
        this.tenantId = tenantId;
        this.stalled = new StalledDeals(context);
        this.pipelines = new Pipelines(context, tenantId);
    }

    @Override
    public Pipeline definePipeline(DefinePipeline definition) {
        return pipelines.define(definition);
    }

    @Override
    public Pipeline redefinePipeline(UUID pipelineId, DefinePipeline definition) {
        return pipelines.redefine(pipelineId, definition);
    }

    @Override
    public Pipeline defaultPipeline() {
        return inTransaction(() -> Pipeline.of(pipelines.defaultRecord()));
    }

    @Override
    public Optional<Pipeline> pipeline(UUID pipelineId) {
        Checks.id("pipelineId", pipelineId);
        return opportunityStorage.pipelines().get(tenantId, pipelineId).map(Pipeline::of);
    }

    @Override
    public Page<Pipeline> pipelines(PageRequest page) {
        Checks.required("page", page);
        Page<PipelineRecord> records = opportunityStorage.pipelines().list(tenantId, page);
        return new Page<>(records.items().stream().map(Pipeline::of).toList(), records.next());
    }

    @Override
    public Opportunity open(OpenOpportunity c, Actor actor) {
        return open(c, actor, null);
    }

    @Override
    public Opportunity open(OpenOpportunity c, Actor actor, String idempotencyKey) {
        String key = Checks.optionalText("idempotencyKey", idempotencyKey, 100);
        if (key != null && key.isBlank()) {
            throw new ValidationException("idempotencyKey", "must not be blank");
        }
        Checks.required("command", c);
        Checks.required("actor", actor);
        Checks.id("customerId", c.customerId());
        String name = DealRules.name(c.name());
        DealRules.Priced priced = DealRules.priced(c.amount(), c.lineItems());
        if (c.probability() != null) {
            DealRules.probability(c.probability());
        }
        String leadSource = DealRules.leadSource(c.leadSource());
        java.util.Set<String> competitors = DealRules.competitors(c.competitors());
        Instant now = context.now();
        return inTransaction(() -> {
            if (key != null) {
                Optional<Opportunity> earlier = openedWith(key, c);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            DealRules.checkReferences(storage, tenantId, c.customerId(), c.ownerId(), c.contacts());
            PipelineRecord resolved = c.pipelineId() == null ? pipelines.defaultOrCandidate()
                    : opportunityStorage.pipelines().get(tenantId, c.pipelineId()).orElseThrow(
                            () -> new ValidationException("pipelineId", "names no pipeline of this tenant"));
            PipelineStage stage = c.stageKey() == null ? resolved.first(StageOutcome.OPEN) : openStage(resolved,
                    c.stageKey());
            // everything is checked: only now may the built-in default pipeline be created
            PipelineRecord pipeline = pipelines.stored(resolved);
            int probability = c.probability() != null ? c.probability() : stage.probability();
            ForecastCategory category = c.forecastCategory() != null ? c.forecastCategory()
                    : stage.forecastCategory();
            UUID id = context.ids().next();
            if (key != null) {
                try {
                    storage.idempotency().recordAll(List.of(new IdempotencyKey(tenantId, OPEN_SCOPE, key, id, now)));
                } catch (DuplicateException e) {
                    // another node opened the deal with this key a moment ago
                    return openedWith(key, c).orElseThrow();
                }
            }
            OpportunityRecord stored = opportunityStorage.opportunities().insert(new OpportunityRecord(tenantId,
                    id, 1, now, now, name, c.customerId(), pipeline.id(), stage.key(),
                    StageOutcome.OPEN, priced.amount(), priced.currency(), probability, category,
                    c.expectedCloseDate(), c.ownerId(), priced.lineItems(), c.contacts(),
                    competitors, c.sourceLeadId(), leadSource, now, null, null));
            history(stored, null, actor, now);
            stalled.track(stored, stage);
            context.events().record(new OpportunityOpened(tenantId, stored.id(), stored.customerId(), pipeline.id(),
                    stage.key(), stored.ownerId(), stored.amount(), stored.currency(), probability,
                    stored.sourceLeadId(), stored.leadSource(), now));
            return Opportunity.of(stored);
        });
    }

    /** The deal opened with this key, if any; a key used for another customer's deal is a conflict. */
    private Optional<Opportunity> openedWith(String key, OpenOpportunity c) {
        return storage.idempotency().findAll(tenantId, OPEN_SCOPE, List.of(key)).stream().findFirst().map(k -> {
            OpportunityRecord deal = opportunityStorage.opportunities().get(tenantId, k.targetId())
                    .orElseThrow(() -> new NotFoundException("opportunity", k.targetId()));
            if (!deal.customerId().equals(c.customerId())) {
                throw new ConflictException("the idempotency key was used to open a deal of another customer");
            }
            return Opportunity.of(deal);
        });
    }

    @Override
    public Opportunity revise(UUID opportunityId, OpportunityDetails d) {
        Checks.id("opportunityId", opportunityId);
        Checks.required("details", d);
        String name = DealRules.name(d.name());
        DealRules.Priced priced = DealRules.priced(d.amount(), d.lineItems());
        int probability = DealRules.probability(d.probability());
        Checks.required("forecastCategory", d.forecastCategory());
        Instant now = context.now();
        return inTransaction(() -> {
            OpportunityRecord o = deal(opportunityId);
            DealRules.checkReferences(storage, tenantId, o.customerId(), d.ownerId(), d.contacts());
            OpportunityRecord stored = opportunityStorage.opportunities().update(new OpportunityRecord(tenantId, o.id(),
                    o.version(), o.createdAt(), now, name, o.customerId(), o.pipelineId(), o.stageKey(), o.status(),
                    priced.amount(), priced.currency(), probability, d.forecastCategory(), d.expectedCloseDate(),
                    d.ownerId(), priced.lineItems(), d.contacts(), DealRules.competitors(d.competitors()),
                    o.sourceLeadId(), o.leadSource(), o.stageEnteredAt(), o.closedAt(), o.closeReason()),
                    o.version());
            context.events().record(new OpportunityChanged(tenantId, o.id(), stored.ownerId(), stored.amount(),
                    stored.currency(), probability, stored.forecastCategory(), stored.expectedCloseDate(), now));
            return Opportunity.of(stored);
        });
    }

    @Override
    public Opportunity moveToStage(UUID opportunityId, String stageKey, Actor actor) {
        Checks.id("opportunityId", opportunityId);
        Checks.text("stageKey", stageKey, 64);
        Checks.required("actor", actor);
        Instant now = context.now();
        return inTransaction(() -> {
            OpportunityRecord o = deal(opportunityId);
            OpportunityLifecycle.checkMove(o, stageKey);
            PipelineStage stage = openStage(pipelineOf(o), stageKey);
            if (stage.key().equals(o.stageKey())) {
                return Opportunity.of(o);
            }
            OpportunityRecord stored = enter(o, stage, now, null, actor);
            context.events().record(new OpportunityStageChanged(tenantId, o.id(), o.stageKey(), stage.key(),
                    stored.probability(), now));
            return Opportunity.of(stored);
        });
    }

    @Override
    public Opportunity closeWon(UUID opportunityId, String reason, Actor actor) {
        return close(opportunityId, StageOutcome.WON, DealRules.closeReason(reason, false), actor);
    }

    @Override
    public Opportunity closeLost(UUID opportunityId, String reason, Actor actor) {
        return close(opportunityId, StageOutcome.LOST, DealRules.closeReason(reason, true), actor);
    }

    private Opportunity close(UUID opportunityId, StageOutcome outcome, String reason, Actor actor) {
        Checks.id("opportunityId", opportunityId);
        Checks.required("actor", actor);
        Instant now = context.now();
        return inTransaction(() -> {
            OpportunityRecord o = deal(opportunityId);
            OpportunityLifecycle.check(o.status(), outcome);
            PipelineStage stage = pipelineOf(o).first(outcome);
            OpportunityRecord stored = enter(o, stage, now, reason, actor);
            context.events().record(outcome == StageOutcome.WON
                    ? new OpportunityWon(tenantId, o.id(), o.stageKey(), o.ownerId(), o.amount(), o.currency(), now)
                    : new OpportunityLost(tenantId, o.id(), o.stageKey(), o.ownerId(), o.amount(), o.currency(), now));
            return Opportunity.of(stored);
        });
    }

    @Override
    public Opportunity reopen(UUID opportunityId, String stageKey, Actor actor) {
        Checks.id("opportunityId", opportunityId);
        Checks.optionalText("stageKey", stageKey, 64);
        Checks.required("actor", actor);
        Instant now = context.now();
        return inTransaction(() -> {
            OpportunityRecord o = deal(opportunityId);
            PipelineRecord pipeline = pipelineOf(o);
            OpportunityLifecycle.checkReopen(o, pipeline.reopenRule(), now);
            PipelineStage stage = stageKey == null ? pipeline.first(StageOutcome.OPEN) : openStage(pipeline, stageKey);
            OpportunityRecord stored = enter(o, stage, now, null, actor);
            context.events().record(new OpportunityReopened(tenantId, o.id(), o.status(), stage.key(), now));
            return Opportunity.of(stored);
        });
    }

    /** Moves a deal into a stage: its probability, category and status, the history and the stalled alert. */
    private OpportunityRecord enter(OpportunityRecord o, PipelineStage stage, Instant now, String reason,
            Actor actor) {
        boolean open = stage.outcome() == StageOutcome.OPEN;
        OpportunityRecord stored = opportunityStorage.opportunities().update(new OpportunityRecord(tenantId, o.id(), o.version(),
                o.createdAt(), now, o.name(), o.customerId(), o.pipelineId(), stage.key(), stage.outcome(), o.amount(),
                o.currency(), stage.probability(), stage.forecastCategory(), o.expectedCloseDate(), o.ownerId(),
                o.lineItems(), o.contacts(), o.competitors(), o.sourceLeadId(), o.leadSource(), now,
                open ? null : now, open ? null : reason), o.version());
        history(stored, o.stageKey(), actor, now);
        stalled.track(stored, stage);
        return stored;
    }

    private void history(OpportunityRecord deal, String fromStage, Actor actor, Instant now) {
        opportunityStorage.opportunities().appendStageChange(new StageChangeRecord(tenantId, context.ids().next(), deal.id(),
                fromStage, deal.stageKey(), now, actor.kind().name().toLowerCase(Locale.ROOT) + ":" + actor.id()));
    }

    @Override
    public Optional<Opportunity> opportunity(UUID opportunityId) {
        Checks.id("opportunityId", opportunityId);
        return opportunityStorage.opportunities().get(tenantId, opportunityId).map(Opportunity::of);
    }

    @Override
    public Page<Opportunity> opportunities(OpportunityFilter filter, PageRequest page) {
        Checks.required("filter", filter);
        Checks.required("page", page);
        Page<OpportunityRecord> records = opportunityStorage.opportunities().find(tenantId, filter, page);
        return new Page<>(records.items().stream().map(Opportunity::of).toList(), records.next());
    }

    @Override
    public List<StageChangeRecord> stageHistory(UUID opportunityId) {
        Checks.id("opportunityId", opportunityId);
        return opportunityStorage.opportunities().stageHistory(tenantId, opportunityId);
    }

    @Override
    public SalesReports reports() {
        return new StoredSalesReports(storage, tenantId);
    }

    private static PipelineStage openStage(PipelineRecord pipeline, String key) {
        return pipeline.stage(key).filter(s -> s.outcome() == StageOutcome.OPEN)
                .orElseThrow(() -> new ValidationException("stageKey", "names no open stage of the pipeline"));
    }

    private OpportunityRecord deal(UUID id) {
        return opportunityStorage.opportunities().get(tenantId, id).orElseThrow(() -> new NotFoundException("opportunity", id));
    }

    private PipelineRecord pipelineOf(OpportunityRecord o) {
        return opportunityStorage.pipelines().get(tenantId, o.pipelineId())
                .orElseThrow(() -> new NotFoundException("pipeline", o.pipelineId()));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }
}
