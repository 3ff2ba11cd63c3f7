package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** A programme was given {@code tiers} tiers at version 1. A retried definition records nothing. */
@EventType("loyalty.tiers.defined")
public record TiersDefined(String tenantId, UUID schemeId, String programme, long version, int tiers,
        Instant occurredAt) implements TierSchemeEvent {
}
