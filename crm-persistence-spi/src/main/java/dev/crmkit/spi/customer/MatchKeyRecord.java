package dev.crmkit.spi.customer;

import dev.crmkit.model.Checks;
import java.util.UUID;

/**
 * One blocking key of customer matching held by one customer: the customers that share a key are compared with each
 * other. Keys are opaque to storage; the core composes them ({@code "kind:value"}).
 *
 * @param tenantId the tenant
 * @param key the key, 1 to {@value MatchKeyStore#MAX_KEY_LENGTH} characters
 * @param customerId the customer holding it
 */
public record MatchKeyRecord(String tenantId, String key, UUID customerId) {
    /**
     * Checks the parts.
     *
     * @throws dev.crmkit.model.ValidationException ({@code tenantId}, {@code key}, {@code customerId}) when one is
     *     missing or malformed
     */
    public MatchKeyRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("key", key, MatchKeyStore.MAX_KEY_LENGTH);
        Checks.id("customerId", customerId);
    }
}
