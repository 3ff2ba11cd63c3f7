package dev.crmkit.core.ticket;

import java.util.Optional;
import java.util.UUID;

/**
 * The host's answer to "how valuable is this customer?": a tier or loyalty level such as {@code gold}, kept in the
 * host's systems (a loyalty programme, a billing system). The ticket domain asks it through
 * {@link PriorityRules#customerTier} when a ticket is opened. The default, {@link #none()}, knows no tiers.
 */
@FunctionalInterface
public interface CustomerTier {
    /**
     * The tier of a customer, or empty when the host knows none; a null answer counts as empty. Called inside the
     * transaction that opens a ticket, so it should answer quickly (from a cache, say).
     *
     * @param tenantId   the tenant
     * @param customerId the ticket's customer
     * @return the customer's tier, or empty
     */
    Optional<String> tierOf(String tenantId, UUID customerId);

    /** A port that knows no customer's tier. */
    static CustomerTier none() {
        return (tenantId, customerId) -> Optional.empty();
    }
}
