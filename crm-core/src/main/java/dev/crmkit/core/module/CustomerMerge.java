package dev.crmkit.core.module;

import dev.crmkit.core.common.Actor;
import java.time.Instant;
import java.util.UUID;

/**
 * One customer merge as the parts see it: in tenant {@code tenantId}, customer {@code mergedId} is merged into
 * {@code survivorId} by {@code actor} at {@code at}.
 */
public record CustomerMerge(String tenantId, UUID survivorId, UUID mergedId, Actor actor, Instant at) {
}
