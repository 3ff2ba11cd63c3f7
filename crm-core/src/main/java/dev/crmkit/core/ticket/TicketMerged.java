package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.ticket.TicketState;
import java.time.Instant;
import java.util.UUID;

/**
 * A duplicate ticket was merged into another ticket of the same customer and is closed; work goes on in the other.
 *
 * @param tenantId     the tenant
 * @param ticketId     the duplicate, closed now
 * @param customerId   the customer of both tickets
 * @param intoTicketId the ticket it was merged into
 * @param from         the duplicate's state before
 * @param occurredAt   when it was merged
 */
@EventType("ticket.merged")
public record TicketMerged(String tenantId, UUID ticketId, UUID customerId, UUID intoTicketId, TicketState from,
        Instant occurredAt) implements TicketEvent {
}
