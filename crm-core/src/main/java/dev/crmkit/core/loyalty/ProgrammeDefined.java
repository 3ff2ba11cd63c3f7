package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** A programme was defined at version 1 with {@code rules} accrual rules. A retried definition records nothing. */
@EventType("loyalty.programme.defined")
public record ProgrammeDefined(String tenantId, UUID programmeId, String code, long version, int rules,
        Instant occurredAt) implements ProgrammeEvent {
}
