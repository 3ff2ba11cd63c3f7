package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** A programme's rules were replaced; {@code version} is its new version, {@code rules} how many it now has. */
@EventType("loyalty.programme.revised")
public record ProgrammeRevised(String tenantId, UUID programmeId, String code, long version, int rules,
        Instant occurredAt) implements ProgrammeEvent {
}
