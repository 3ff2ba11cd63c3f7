package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The customer was sent an acknowledgement of the ticket by e-mail, through the messaging domain, carrying the ticket's
 * {@link TicketThread thread reference} and the suggested articles; recorded once per ticket, in the unit that queued
 * the message.
 *
 * @param tenantId    the tenant
 * @param ticketId    the ticket
 * @param customerId  the ticket's customer
 * @param recipientId who it was sent to: the ticket's contact person, else its customer
 * @param messageId   the queued message (its {@code message.*} events follow what became of it)
 * @param articleIds  the published articles suggested in it, most relevant first (ids only, never titles)
 * @param occurredAt  when it was queued
 */
@EventType("ticket.acknowledged")
public record TicketAcknowledged(String tenantId, UUID ticketId, UUID customerId, UUID recipientId, UUID messageId,
        List<UUID> articleIds, Instant occurredAt) implements TicketEvent {
    /** Copies the ids. */
    public TicketAcknowledged {
        articleIds = List.copyOf(articleIds);
    }
}
