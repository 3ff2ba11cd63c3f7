package dev.crmkit.core.ticket;

import dev.crmkit.spi.ticket.MilestoneRecord;
import dev.crmkit.spi.ticket.TicketRecord;
import java.util.List;

/**
 * What one behaviour of a {@link TicketAggregate} did: the record the ticket held before (null for a ticket just
 * opened), the record it holds now, the milestones it started and those it updated (at the version they were loaded
 * at), and the events the change caused, in order. The service inserts {@code after} or stores it over
 * {@code before}'s version, inserts the started milestones and stores the changed ones over their versions, and
 * records the events.
 */
record TicketChange(TicketRecord before, TicketRecord after, List<MilestoneRecord> started,
        List<MilestoneRecord> updated, List<TicketEvent> events) {
    TicketChange {
        started = List.copyOf(started);
        updated = List.copyOf(updated);
        events = List.copyOf(events);
    }

    /** A change of the ticket alone. */
    TicketChange(TicketRecord before, TicketRecord after, List<TicketEvent> events) {
        this(before, after, List.of(), List.of(), events);
    }

    /** No change to a ticket. */
    static TicketChange none(TicketRecord ticket) {
        return new TicketChange(ticket, ticket, List.of());
    }

    /** Whether the ticket was opened by this change, and so is inserted. */
    boolean isOpening() {
        return before == null;
    }

    /** Whether there is anything to store: a new ticket, a record that differs from the one read, or events. */
    boolean changed() {
        return before == null || !before.equals(after) || !events.isEmpty();
    }
}
