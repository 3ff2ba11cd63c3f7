package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket was opened, in state {@code NEW}.
 *
 * @param tenantId        the tenant
 * @param ticketId        the ticket
 * @param customerId      the customer it is for
 * @param contactPersonId the organization's contact person, or null
 * @param kind            what the customer asks for
 * @param channel         where it came in
 * @param priority        how urgent it is
 * @param priorityReason  why: the name of the {@link PriorityRule} that gave the priority, {@code default} when no
 *                        rule applied, {@code agent} when it was given explicitly
 * @param occurredAt      when it was opened
 */
@EventType("ticket.opened")
public record TicketOpened(String tenantId, UUID ticketId, UUID customerId, UUID contactPersonId, TicketKind kind,
        TicketChannel channel, TicketPriority priority, String priorityReason, Instant occurredAt)
        implements TicketEvent {
}
