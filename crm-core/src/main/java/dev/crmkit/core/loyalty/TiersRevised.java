package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** A programme's tiers were replaced at {@code version}, now {@code tiers} of them. A retry records nothing. */
@EventType("loyalty.tiers.revised")
public record TiersRevised(String tenantId, UUID schemeId, String programme, long version, int tiers,
        Instant occurredAt) implements TierSchemeEvent {
}
