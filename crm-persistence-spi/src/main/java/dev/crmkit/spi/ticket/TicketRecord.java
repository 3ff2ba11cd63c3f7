package dev.crmkit.spi.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.ProductReturn;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketContent;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer service ticket.
 *
 * <ul>
 *   <li>{@code kind}, {@code channel}, {@code priority}, {@code state}, {@code content}: required.</li>
 *   <li>{@code customerId}: required. {@code contactPersonId}: optional, a person other than the customer (the
 *       contact person of an organization). {@code assigneeId}: optional, a team member.</li>
 *   <li>{@code productReturn}: set exactly when the kind is {@link TicketKind#PRODUCT_RETURN}.</li>
 *   <li>{@code resolvedAt}: set when the state is {@link TicketState#RESOLVED}, null while the ticket is active;
 *       a closed ticket keeps it (null when it was merged without being resolved). {@code closedAt}: set exactly
 *       when the state is {@link TicketState#CLOSED}. {@code mergedInto}: the ticket a duplicate was merged into,
 *       only on a closed ticket, never its own id.</li>
 * </ul>
 */
public record TicketRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        TicketKind kind,
        TicketChannel channel,
        UUID customerId,
        UUID contactPersonId,
        TicketPriority priority,
        UUID assigneeId,
        TicketState state,
        TicketContent content,
        ProductReturn productReturn,
        Instant resolvedAt,
        Instant closedAt,
        UUID mergedInto) implements StoredRecord {

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and every
     * instant is truncated to microseconds, the precision every backend keeps.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public TicketRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.required("kind", kind);
        Checks.required("channel", channel);
        Checks.id("customerId", customerId);
        if (customerId.equals(contactPersonId)) {
            throw new ValidationException("contactPersonId", "must differ from the customer");
        }
        Checks.required("priority", priority);
        Checks.required("state", state);
        Checks.required("content", content);
        if ((kind == TicketKind.PRODUCT_RETURN) != (productReturn != null)) {
            throw new ValidationException("productReturn", "must be set exactly for a product return");
        }
        resolvedAt = Checks.optionalInstant("resolvedAt", resolvedAt);
        closedAt = Checks.optionalInstant("closedAt", closedAt);
        if (state == TicketState.RESOLVED && resolvedAt == null) {
            throw new ValidationException("resolvedAt", "is required on a resolved ticket");
        }
        if (state.isActive() && resolvedAt != null) {
            throw new ValidationException("resolvedAt", "must be unset while the ticket is active");
        }
        if ((state == TicketState.CLOSED) != (closedAt != null)) {
            throw new ValidationException("closedAt", "must be set exactly when the ticket is closed");
        }
        if (mergedInto != null && (state != TicketState.CLOSED || mergedInto.equals(id))) {
            throw new ValidationException("mergedInto", "must name another ticket, on a closed ticket");
        }
    }

    /** Whether this ticket was merged into another as a duplicate. */
    public boolean isMerged() {
        return mergedInto != null;
    }
}
