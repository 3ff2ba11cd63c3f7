package dev.crmkit.core.loyalty;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's loyalty programme as stored.
 *
 * @param id the programme's id
 * @param code its code, which memberships name
 * @param version its version: 1 when defined, one more with every revision
 * @param rules how members earn points
 * @param definedAt when it was defined
 * @param revisedAt when its current version was stored
 */
public record Programme(UUID id, String code, long version, ProgrammeRules rules, Instant definedAt,
        Instant revisedAt) {
}
