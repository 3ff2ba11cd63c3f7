package dev.crmkit.spi.opportunity;

import dev.crmkit.model.Checks;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a deal's append-only stage history: it moved from {@code fromStage} (null when the deal was opened)
 * to {@code toStage} at {@code changedAt}, by {@code actor} (who did it, as the core's actor text such as
 * {@code user:ana}, 1 to 120 characters). Entries are never changed or deleted.
 */
public record StageChangeRecord(String tenantId, UUID id, UUID opportunityId, String fromStage, String toStage,
        Instant changedAt, String actor) {
    /**
     * Checks the rules above. {@code changedAt} is truncated to microseconds.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public StageChangeRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.id("opportunityId", opportunityId);
        Checks.optionalText("fromStage", fromStage, 64);
        Checks.text("toStage", toStage, 64);
        changedAt = Checks.instant("changedAt", changedAt);
        Checks.text("actor", actor, 120);
    }
}
