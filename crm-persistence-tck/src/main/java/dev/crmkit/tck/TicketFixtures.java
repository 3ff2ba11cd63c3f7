package dev.crmkit.tck;

import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.model.ticket.Attachment;
import dev.crmkit.model.ticket.ProductReturn;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketContent;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.ticket.TicketRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tickets for the contract tests, at {@link ContractSupport#NOW}. */
final class TicketFixtures {
    private TicketFixtures() {
    }

    /** A new e-mail service request with a subject only, of a new customer. */
    static TicketRecord ticket(String tenant) {
        return new TicketRecord(tenant, UUID.randomUUID(), 1, ContractSupport.NOW, ContractSupport.NOW,
                TicketKind.SERVICE_REQUEST, TicketChannel.EMAIL, UUID.randomUUID(), null, TicketPriority.NORMAL,
                null, TicketState.NEW, TicketContent.subject("Please change my plan"), null, null, null, null);
    }

    /**
     * A product return from the portal with everything set: contact person, assignee, two attachments in an order
     * their references do not sort in, custom fields of every type, the return's references.
     */
    static TicketRecord full(String tenant) {
        TicketContent content = new TicketContent("Broken kettle", "It leaks.\nSince Tuesday.",
                List.of(new Attachment("docs/2026/photo-2.png", "image/png"),
                        new Attachment("docs/2026/invoice-1.pdf", "application/pdf")),
                Map.of("warranty", new CustomFieldValue.Bool(true),
                        "purchase_date", new CustomFieldValue.Date(LocalDate.of(2025, 11, 3)),
                        "store", new CustomFieldValue.Text("Berlin Mitte"),
                        "weight_kg", new CustomFieldValue.Number(new BigDecimal("1.25"))));
        return new TicketRecord(tenant, UUID.randomUUID(), 1, ContractSupport.NOW, ContractSupport.NOW,
                TicketKind.PRODUCT_RETURN, TicketChannel.PORTAL, UUID.randomUUID(), UUID.randomUUID(),
                TicketPriority.HIGH, UUID.randomUUID(), TicketState.OPEN, content,
                new ProductReturn("RMA-1001", "sku-kettle", "order-77"), null, null, null);
    }

    /** {@code t} in another state at {@code at}: resolved and closed times set as the state needs. */
    static TicketRecord inState(TicketRecord t, TicketState state, Instant at) {
        Instant resolved = state == TicketState.RESOLVED || state == TicketState.CLOSED ? at : null;
        return new TicketRecord(t.tenantId(), t.id(), t.version(), t.createdAt(), at, t.kind(), t.channel(),
                t.customerId(), t.contactPersonId(), t.priority(), t.assigneeId(), state, t.content(),
                t.productReturn(), resolved, state == TicketState.CLOSED ? at : null, null);
    }

    /** {@code t} of another customer, with another contact person (or none) and assignee. */
    static TicketRecord of(TicketRecord t, UUID customerId, UUID contactPersonId, UUID assigneeId) {
        return new TicketRecord(t.tenantId(), t.id(), t.version(), t.createdAt(), t.updatedAt(), t.kind(),
                t.channel(), customerId, contactPersonId, t.priority(), assigneeId, t.state(), t.content(),
                t.productReturn(), t.resolvedAt(), t.closedAt(), t.mergedInto());
    }

    /** {@code t} as another kind (a product return gets references, other kinds lose them). */
    static TicketRecord ofKind(TicketRecord t, TicketKind kind) {
        ProductReturn references = kind == TicketKind.PRODUCT_RETURN
                ? new ProductReturn("RMA-" + t.id().toString().substring(0, 8), "sku-1", "order-1") : null;
        return new TicketRecord(t.tenantId(), t.id(), t.version(), t.createdAt(), t.updatedAt(), kind, t.channel(),
                t.customerId(), t.contactPersonId(), t.priority(), t.assigneeId(), t.state(), t.content(),
                references, t.resolvedAt(), t.closedAt(), t.mergedInto());
    }
}
