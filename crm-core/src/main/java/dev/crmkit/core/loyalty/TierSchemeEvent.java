package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.DomainEvent;
import java.util.UUID;

/**
 * The domain events of programmes' tier schemes, recorded in the outbox in the same transaction as the change and
 * delivered in order per scheme. Payloads carry the scheme's id, programme, version and how many tiers it has; the
 * tiers themselves are read from the service.
 */
public sealed interface TierSchemeEvent extends DomainEvent permits TiersDefined, TiersRevised {
    /** The aggregate type of every tier scheme event. */
    String TIER_SCHEME = "loyalty.tiers";

    /** The scheme. */
    UUID schemeId();

    @Override
    default String aggregateType() {
        return TIER_SCHEME;
    }

    @Override
    default String aggregateId() {
        return schemeId().toString();
    }
}
