package dev.crmkit.core.loyalty;

import java.time.Instant;
import java.util.UUID;

/**
 * A programme's tiers as stored.
 *
 * @param id the scheme's id
 * @param programme the programme's code
 * @param version 1 when defined, one more with every revision
 * @param rules the tiers and how they are reached
 * @param definedAt when it was defined
 * @param revisedAt when its current version was stored
 */
public record TierScheme(UUID id, String programme, long version, TierRules rules, Instant definedAt,
        Instant revisedAt) {
}
