package dev.crmkit.core.opportunity;

import dev.crmkit.model.opportunity.PipelineStage;
import dev.crmkit.model.opportunity.ReopenRule;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.spi.opportunity.PipelineRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A pipeline as the service returns it: its stages in order and its reopen rule, at a version. */
public record Pipeline(UUID id, long version, Instant createdAt, Instant updatedAt, String name,
        List<PipelineStage> stages, ReopenRule reopenRule) {

    static Pipeline of(PipelineRecord r) {
        return new Pipeline(r.id(), r.version(), r.createdAt(), r.updatedAt(), r.name(), r.stages(), r.reopenRule());
    }

    /** The stage with this key. */
    public Optional<PipelineStage> stage(String key) {
        return stages.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The stage deals are opened in unless a command names another: the first open one. */
    public PipelineStage firstOpenStage() {
        return stages.stream().filter(s -> s.outcome() == StageOutcome.OPEN).findFirst().orElseThrow();
    }
}
