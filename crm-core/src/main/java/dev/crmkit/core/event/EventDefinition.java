package dev.crmkit.core.event;

import dev.crmkit.core.common.DomainEvent;

/**
 * One registered event type: its stable name and schema version, the Java record it is recorded and decoded as, and
 * the domain that registered it.
 */
public record EventDefinition(String type, int version, Class<? extends DomainEvent> javaType, String domain) {
}
