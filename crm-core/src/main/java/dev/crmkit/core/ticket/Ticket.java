package dev.crmkit.core.ticket;

import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.model.ticket.Attachment;
import dev.crmkit.model.ticket.ProductReturn;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.ticket.TicketRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A ticket as the service returns it. {@code contactPersonId}, {@code assigneeId}, {@code description} and
 * {@code productReturn} may be null; {@code resolvedAt} is set on a resolved ticket (and kept when it is closed),
 * {@code closedAt} on a closed one, {@code mergedInto} on a duplicate merged into another ticket.
 *
 * @param id              the ticket's id
 * @param version         its optimistic version
 * @param createdAt       when it was opened
 * @param updatedAt       when it last changed
 * @param kind            what the customer asks for
 * @param channel         where it came in
 * @param customerId      the customer
 * @param contactPersonId the organization's contact person, or null
 * @param priority        how urgent it is
 * @param assigneeId      the team member working on it, or null
 * @param state           where it is in its life
 * @param subject         its subject
 * @param description     its description, or null
 * @param attachments     files by reference, in order
 * @param customFields    the tenant's own fields
 * @param productReturn   a return's references, or null
 * @param resolvedAt      when it was resolved, or null
 * @param closedAt        when it was closed, or null
 * @param mergedInto      the ticket this duplicate was merged into, or null
 */
public record Ticket(UUID id, long version, Instant createdAt, Instant updatedAt, TicketKind kind,
        TicketChannel channel, UUID customerId, UUID contactPersonId, TicketPriority priority, UUID assigneeId,
        TicketState state, String subject, String description, List<Attachment> attachments,
        Map<String, CustomFieldValue> customFields, ProductReturn productReturn, Instant resolvedAt,
        Instant closedAt, UUID mergedInto) {

    static Ticket of(TicketRecord r) {
        return new Ticket(r.id(), r.version(), r.createdAt(), r.updatedAt(), r.kind(), r.channel(), r.customerId(),
                r.contactPersonId(), r.priority(), r.assigneeId(), r.state(), r.content().subject(),
                r.content().description(), r.content().attachments(), r.content().customFields(), r.productReturn(),
                r.resolvedAt(), r.closedAt(), r.mergedInto());
    }
}
