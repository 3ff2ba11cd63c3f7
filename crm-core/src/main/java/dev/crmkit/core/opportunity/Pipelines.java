package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.Text;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.OpportunityFilter;
import dev.crmkit.model.opportunity.PipelineStage;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.opportunity.OpportunityStorage;
import dev.crmkit.spi.opportunity.PipelineRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Defining and redefining a tenant's pipelines, and finding or creating its default one. */
final class Pipelines {
    private final DomainContext context;
    private final Storage storage;
    private final OpportunityStorage opportunityStorage;
    private final String tenantId;

    Pipelines(DomainContext context, String tenantId) {
        this.context = context;
        this.storage = context.storage();
        this.opportunityStorage = this.storage.capability(OpportunityStorage.class).orElseThrow();
        this.tenantId = tenantId;
    }

    Pipeline define(DefinePipeline definition) {
        Instant now = context.now();
        PipelineRecord candidate = record(context.ids().next(), 1, now, now, definition);
        return storage.transactions().inTransaction(() -> Pipeline.of(insert(candidate, now)));
    }

    Pipeline redefine(UUID pipelineId, DefinePipeline definition) {
        Checks.id("pipelineId", pipelineId);
        Instant now = context.now();
        record(pipelineId, 1, now, now, definition);
        return storage.transactions().inTransaction(() -> {
            PipelineRecord before = opportunityStorage.pipelines().get(tenantId, pipelineId)
                    .orElseThrow(() -> new NotFoundException("pipeline", pipelineId));
            PipelineRecord changed = record(pipelineId, before.version(), before.createdAt(), now, definition);
            for (PipelineStage old : before.stages()) {
                Optional<PipelineStage> kept = changed.stage(old.key());
                boolean keeps = kept.isPresent() && kept.get().outcome() == old.outcome();
                if (!keeps && inUse(pipelineId, old.key())) {
                    throw new ValidationException("stages", "must keep stage " + old.key()
                            + " with its outcome while deals are in it");
                }
            }
            PipelineRecord stored = opportunityStorage.pipelines().update(changed, before.version());
            announce(stored, now);
            return Pipeline.of(stored);
        });
    }

    /** The first pipeline in id order, or the built-in one, created now; call inside a transaction. */
    PipelineRecord defaultRecord() {
        return stored(defaultOrCandidate());
    }

    /**
     * The first pipeline in id order, or an unsaved candidate of the built-in one, so a caller can validate against
     * it before anything is written; pass it to {@link #stored} to keep it.
     */
    PipelineRecord defaultOrCandidate() {
        List<PipelineRecord> first = opportunityStorage.pipelines().list(tenantId, PageRequest.first(1)).items();
        if (!first.isEmpty()) {
            return first.get(0);
        }
        Instant now = context.now();
        return record(context.ids().next(), 1, now, now, DefinePipeline.salesDefault());
    }

    /** The pipeline as stored: a candidate from {@link #defaultOrCandidate} is inserted now. */
    PipelineRecord stored(PipelineRecord pipeline) {
        if (opportunityStorage.pipelines().get(tenantId, pipeline.id()).isPresent()) {
            return pipeline;
        }
        try {
            return insert(pipeline, pipeline.createdAt());
        } catch (DuplicateException e) {
            // another node created it first; the insert changed nothing, so the unit goes on with theirs
            return opportunityStorage.pipelines().findByName(tenantId, pipeline.name()).orElseThrow(() -> e);
        }
    }

    private boolean inUse(UUID pipelineId, String stageKey) {
        return !opportunityStorage.opportunities().find(tenantId, OpportunityFilter.all().inPipeline(pipelineId)
                .inStage(stageKey), PageRequest.first(1)).items().isEmpty();
    }

    private PipelineRecord insert(PipelineRecord candidate, Instant now) {
        PipelineRecord stored = opportunityStorage.pipelines().insert(candidate);
        announce(stored, now);
        return stored;
    }

    private void announce(PipelineRecord pipeline, Instant now) {
        context.events().record(new PipelineDefined(tenantId, pipeline.id(), pipeline.version(),
                pipeline.stages().stream().map(PipelineStage::key).toList(), pipeline.reopenRule(), now));
    }

    private PipelineRecord record(UUID id, long version, Instant createdAt, Instant now, DefinePipeline d) {
        Checks.required("definition", d);
        String name = Text.required("name", d.name(), 100);
        Checks.noNulls("stages", d.stages());
        List<PipelineStage> stages = d.stages().stream().map(s -> new PipelineStage(s.key(),
                Text.required("stages[" + s.key() + "].name", s.name(), 100), s.probability(), s.forecastCategory(),
                s.outcome(), s.normDays())).toList();
        return new PipelineRecord(tenantId, id, version, createdAt, now, name, stages,
                Checks.required("reopenRule", d.reopenRule()));
    }
}
