package dev.crmkit.spi.idempotency;

import dev.crmkit.model.Checks;
import java.time.Instant;
import java.util.UUID;

/**
 * The key a caller gave a command it may retry, kept with what the command produced, so that a retry is answered
 * with that instead of doing the work again.
 *
 * <ul>
 *   <li>{@code scope}: the kind of command, such as {@code opportunity.open}, 1 to 64 characters; a key is unique
 *       within its tenant and scope.</li>
 *   <li>{@code key}: the caller's key, 1 to 100 characters.</li>
 *   <li>{@code targetId}: the record the command created or changed.</li>
 *   <li>{@code recordedAt}: when.</li>
 * </ul>
 */
public record IdempotencyKey(String tenantId, String scope, String key, UUID targetId, Instant recordedAt) {
    /**
     * Checks the rules above and truncates {@code recordedAt} to microseconds.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public IdempotencyKey {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("scope", scope, 64);
        Checks.text("key", key, 100);
        Checks.id("targetId", targetId);
        recordedAt = Checks.instant("recordedAt", recordedAt);
    }
}
