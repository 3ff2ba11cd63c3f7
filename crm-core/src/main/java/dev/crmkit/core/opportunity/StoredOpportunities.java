package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.OpportunityFilter;
import dev.crmkit.model.opportunity.PipelineStage;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.idempotency.IdempotencyKey;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import dev.crmkit.spi.opportunity.OpportunityStorage;
import dev.crmkit.spi.opportunity.PipelineRecord;
import dev.crmkit.spi.opportunity.StageChangeRecord;
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
    public Pipeline pipeline(UUID pipelineId) {
        Checks.id("pipelineId", pipelineId);
        return opportunityStorage.pipelines().get(tenantId, pipelineId).map(Pipeline::of)
                .orElseThrow(() -> new NotFoundException("pipeline", pipelineId));
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
            PipelineStage stage = OpportunityAggregate.openingStage(resolved, c.stageKey());
            // everything is checked: only now may the built-in default pipeline be created
            PipelineRecord pipeline = pipelines.stored(resolved);
            UUID id = context.ids().next();
            if (key != null) {
                try {
                    storage.idempotency().recordAll(List.of(new IdempotencyKey(tenantId, OPEN_SCOPE, key, id, now)));
                } catch (DuplicateException e) {
                    // another node opened the deal with this key a moment ago
                    return openedWith(key, c).orElseThrow();
                }
            }
            return Opportunity.of(store(OpportunityAggregate.open(tenantId, id, c, name, priced, competitors,
                    leadSource, pipeline.id(), stage, now), actor));
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
            OpportunityAggregate deal = deal(opportunityId);
            DealRules.checkReferences(storage, tenantId, deal.record().customerId(), d.ownerId(), d.contacts());
            return Opportunity.of(store(deal.revise(name, priced, probability, d.forecastCategory(),
                    d.expectedCloseDate(), d.ownerId(), d.contacts(), DealRules.competitors(d.competitors()), now),
                    null));
        });
    }

    @Override
    public Opportunity moveToStage(UUID opportunityId, String stageKey, Actor actor) {
        Checks.id("opportunityId", opportunityId);
        Checks.text("stageKey", stageKey, 64);
        Checks.required("actor", actor);
        Instant now = context.now();
        return inTransaction(() -> {
            OpportunityAggregate deal = deal(opportunityId);
            return Opportunity.of(store(deal.moveTo(pipelineOf(deal), stageKey, now), actor));
        });
    }

    @Override
    public Opportunity closeWon(UUID opportunityId, String reason, Actor actor) {
        String why = DealRules.closeReason(reason, false);
        return change(opportunityId, actor, (deal, pipeline, now) -> deal.closeWon(pipeline, why, now));
    }

    @Override
    public Opportunity closeLost(UUID opportunityId, String reason, Actor actor) {
        String why = DealRules.closeReason(reason, true);
        return change(opportunityId, actor, (deal, pipeline, now) -> deal.closeLost(pipeline, why, now));
    }

    @Override
    public Opportunity reopen(UUID opportunityId, String stageKey, Actor actor) {
        Checks.id("opportunityId", opportunityId);
        Checks.optionalText("stageKey", stageKey, 64);
        return change(opportunityId, actor, (deal, pipeline, now) -> deal.reopen(pipeline, stageKey, now));
    }

    /** A behaviour of a deal that needs its pipeline. */
    private interface Behaviour {
        OpportunityChange apply(OpportunityAggregate deal, PipelineRecord pipeline, Instant now);
    }

    /** Loads the deal and its pipeline, calls the behaviour and stores what it did, in one transaction. */
    private Opportunity change(UUID opportunityId, Actor actor, Behaviour behaviour) {
        Checks.id("opportunityId", opportunityId);
        Checks.required("actor", actor);
        Instant now = context.now();
        return inTransaction(() -> {
            OpportunityAggregate deal = deal(opportunityId);
            return Opportunity.of(store(behaviour.apply(deal, pipelineOf(deal), now), actor));
        });
    }

    /**
     * Stores what a change left the deal with (inserted when it was opened, else over the version read), appends the
     * stage it entered to the history by {@code actor} and moves its stalled alert, and records the change's events;
     * a change that changed nothing writes nothing.
     */
    private OpportunityRecord store(OpportunityChange change, Actor actor) {
        if (!change.changed()) {
            return change.after();
        }
        OpportunityRecord stored = change.isOpening() ? opportunityStorage.opportunities().insert(change.after())
                : opportunityStorage.opportunities().update(change.after(), change.before().version());
        if (change.entered() != null) {
            history(stored, change.leftStage(), actor, stored.updatedAt());
            stalled.track(stored, change.entered());
        }
        context.events().record(change.events());
        return stored;
    }

    private void history(OpportunityRecord deal, String fromStage, Actor actor, Instant now) {
        opportunityStorage.opportunities().appendStageChange(new StageChangeRecord(tenantId, context.ids().next(), deal.id(),
                fromStage, deal.stageKey(), now, actor.kind().name().toLowerCase(Locale.ROOT) + ":" + actor.id()));
    }

    @Override
    public Opportunity opportunity(UUID opportunityId) {
        Checks.id("opportunityId", opportunityId);
        return opportunityStorage.opportunities().get(tenantId, opportunityId).map(Opportunity::of)
                .orElseThrow(() -> new NotFoundException("opportunity", opportunityId));
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

    private OpportunityAggregate deal(UUID id) {
        return new OpportunityAggregate(opportunityStorage.opportunities().get(tenantId, id)
                .orElseThrow(() -> new NotFoundException("opportunity", id)));
    }

    private PipelineRecord pipelineOf(OpportunityAggregate deal) {
        UUID pipelineId = deal.record().pipelineId();
        return opportunityStorage.pipelines().get(tenantId, pipelineId)
                .orElseThrow(() -> new NotFoundException("pipeline", pipelineId));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }
}
