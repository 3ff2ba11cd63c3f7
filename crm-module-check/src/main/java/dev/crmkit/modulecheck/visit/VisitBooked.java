package dev.crmkit.modulecheck.visit;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer booked a store visit.
 *
 * @param tenantId the tenant
 * @param visitId the visit's id
 * @param customerId the customer who booked it
 * @param occurredAt when it was booked
 */
@EventType("visit.booked")
public record VisitBooked(String tenantId, UUID visitId, UUID customerId, Instant occurredAt) implements DomainEvent {
    @Override
    public String aggregateType() {
        return "visit";
    }

    @Override
    public String aggregateId() {
        return visitId.toString();
    }
}
