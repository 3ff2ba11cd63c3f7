package dev.crmkit.spi.opportunity;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.PipelineStage;
import dev.crmkit.model.opportunity.ReopenRule;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A sales pipeline: a name (1 to 100 characters, unique per tenant), its stages in order (1 to 30, keys unique,
 * at least one open stage, exactly one closed-won and one closed-lost stage) and the rule for reopening its
 * closed deals.
 */
public record PipelineRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String name,
        List<PipelineStage> stages,
        ReopenRule reopenRule) implements StoredRecord {
    /** The most stages a pipeline may have. */
    public static final int MAX_STAGES = 30;

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and the
     * timestamps are truncated to microseconds, the precision every backend keeps.
     * The stages are copied, in order.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public PipelineRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.text("name", name, 100);
        stages = List.copyOf(Checks.noNulls("stages", stages));
        Checks.required("reopenRule", reopenRule);
        if (stages.isEmpty() || stages.size() > MAX_STAGES) {
            throw new ValidationException("stages", "must hold 1 to " + MAX_STAGES + " stages");
        }
        Set<String> keys = new HashSet<>();
        int open = 0;
        int won = 0;
        int lost = 0;
        for (int i = 0; i < stages.size(); i++) {
            PipelineStage stage = stages.get(i);
            if (!keys.add(stage.key())) {
                throw new ValidationException("stages[" + i + "].key", "is used by an earlier stage");
            }
            switch (stage.outcome()) {
                case OPEN -> open++;
                case WON -> won++;
                case LOST -> lost++;
            }
        }
        if (open == 0 || won != 1 || lost != 1) {
            throw new ValidationException("stages", "must hold at least one open stage and exactly one won and one"
                    + " lost stage");
        }
    }

    /** The stage with this key. */
    public Optional<PipelineStage> stage(String key) {
        return stages.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The first stage with this outcome. */
    public PipelineStage first(StageOutcome outcome) {
        return stages.stream().filter(s -> s.outcome() == outcome).findFirst().orElseThrow();
    }
}
