package dev.crmkit.core.ticket;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.EventType;
import dev.crmkit.core.module.TenantServices;
import dev.crmkit.core.touchpoint.RecordInteraction;
import dev.crmkit.core.touchpoint.TouchPointService;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How a ticket event (a {@link TicketEvent}, and the ticket's {@link EscalationEvent}s and {@link RoutingEvent}s)
 * appears on its customer's timeline: as a {@link Purpose#SERVICE} interaction on the ticket's
 * channel, {@link Direction#INBOUND} when the customer acted (opened the ticket, replied), else
 * {@link Direction#OUTBOUND}; its outcome is the event's type ({@code ticket.state-changed}), its summary names the
 * ticket, never the customer's words; it occurred when the event did. The reaction runs at least once: the
 * interaction's idempotency key is derived from the event's content, so a redelivered event records nothing again.
 */
final class TicketTimeline {
    /** The prefix of the interactions' idempotency keys. */
    static final String KEY_PREFIX = "ticket-event:";

    private TicketTimeline() {
    }

    /** Records the event on the timeline of the ticket's customer (the survivor when the customer was merged). */
    static void record(TicketEvent event, TenantServices tenant) {
        record(event, event.ticketId(), event.customerId(), tenant);
    }

    /**
     * Records an event of a ticket's life that is not a {@link TicketEvent} (an {@link EscalationEvent}, a
     * {@link RoutingEvent}) on the timeline of the ticket's customer, as {@link #record(TicketEvent, TenantServices)}.
     */
    static void record(DomainEvent event, UUID ticketId, UUID customerId, TenantServices tenant) {
        Ticket ticket = tenant.service(TicketService.class).ticket(ticketId);
        tenant.service(TouchPointService.class).record(new RecordInteraction(customerId,
                channel(ticket.channel()), direction(event), Purpose.SERVICE,
                event.getClass().getAnnotation(EventType.class).value(), null, "ticket " + ticketId,
                event.occurredAt(), key(event)));
    }

    /** The channel of the timeline a ticket's channel is on. */
    static Channel channel(TicketChannel channel) {
        return switch (channel) {
            case EMAIL -> Channel.EMAIL;
            case PHONE -> Channel.PHONE;
            case CHAT -> Channel.CHAT;
            case WEB_FORM, PORTAL -> Channel.WEB;
        };
    }

    private static Direction direction(DomainEvent event) {
        return event instanceof TicketOpened || event instanceof TicketCustomerReplied ? Direction.INBOUND
                : Direction.OUTBOUND;
    }

    /** A key of the event's whole content: the same for a redelivered event, another for any other event. */
    static String key(DomainEvent event) {
        return KEY_PREFIX + UUID.nameUUIDFromBytes(event.toString().getBytes(StandardCharsets.UTF_8));
    }
}
