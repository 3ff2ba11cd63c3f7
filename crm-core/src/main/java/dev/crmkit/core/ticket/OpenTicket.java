package dev.crmkit.core.ticket;

import dev.crmkit.core.common.Text;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.model.ticket.Attachment;
import dev.crmkit.model.ticket.ProductReturn;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketContent;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Opens a ticket for a customer. Start with {@link #of} (or {@link #productReturn} for a return) and add the rest with
 * the {@code with...} methods; everything but the customer, kind, channel and subject is optional:
 *
 * <ul>
 *   <li>{@code subject}: 1 to 200 characters; {@code description}: at most 10,000 characters, line breaks kept. Both
 *       follow CRMKit's text rule (stripped; a blank description is none).</li>
 *   <li>{@code contactPersonId}: for an organization, the person who contacted the company; a live person linked to
 *       the organization.</li>
 *   <li>{@code priority}: null (the default) lets the tenant's {@link PriorityRule}s decide; a priority given here
 *       counts as an agent's choice and no rule is asked (see {@link PriorityRules}).</li>
 *   <li>{@code attachments}: at most 20 files by reference; {@code customFields}: at most 100 typed values.</li>
 *   <li>{@code productReturn}: the references of a return, set exactly for {@link TicketKind#PRODUCT_RETURN}.</li>
 * </ul>
 */
public record OpenTicket(UUID customerId, TicketKind kind, TicketChannel channel, String subject, String description,
        UUID contactPersonId, TicketPriority priority, List<Attachment> attachments,
        Map<String, CustomFieldValue> customFields, ProductReturn productReturn) {

    /**
     * Checks and normalizes every component; see the type's documentation.
     *
     * @throws ValidationException naming the first field that breaks a rule
     */
    public OpenTicket {
        Checks.id("customerId", customerId);
        Checks.required("kind", kind);
        Checks.required("channel", channel);
        subject = Text.required("subject", subject, TicketContent.MAX_SUBJECT);
        description = Text.optional("description", description, TicketContent.MAX_DESCRIPTION);
        if (customerId.equals(contactPersonId)) {
            throw new ValidationException("contactPersonId", "must differ from the customer");
        }
        // the content checks attachments and custom fields (null entries and keys included) before they are copied
        TicketContent content = content(subject, description, attachments, customFields);
        attachments = content.attachments();
        customFields = content.customFields();
        if ((kind == TicketKind.PRODUCT_RETURN) != (productReturn != null)) {
            throw new ValidationException("productReturn", "must be given exactly for a product return");
        }
    }

    /** A ticket of any kind but a product return, with nothing else set. */
    public static OpenTicket of(UUID customerId, TicketKind kind, TicketChannel channel, String subject) {
        return new OpenTicket(customerId, kind, channel, subject, null, null, null, List.of(),
                Map.of(), null);
    }

    /** A product return with its references, with nothing else set. */
    public static OpenTicket productReturn(UUID customerId, TicketChannel channel, String subject,
            ProductReturn references) {
        return new OpenTicket(customerId, TicketKind.PRODUCT_RETURN, channel, subject, null, null,
                null, List.of(), Map.of(), references);
    }

    /** This ticket with a description. */
    public OpenTicket withDescription(String description) {
        return new OpenTicket(customerId, kind, channel, subject, description, contactPersonId, priority,
                attachments, customFields, productReturn);
    }

    /** This ticket of an organization, raised by one of its contact persons. */
    public OpenTicket withContactPerson(UUID personId) {
        return new OpenTicket(customerId, kind, channel, subject, description, personId, priority, attachments,
                customFields, productReturn);
    }

    /** This ticket with a priority an agent chose (null: the tenant's rules decide). */
    public OpenTicket withPriority(TicketPriority priority) {
        return new OpenTicket(customerId, kind, channel, subject, description, contactPersonId, priority,
                attachments, customFields, productReturn);
    }

    /** This ticket with files attached by reference. */
    public OpenTicket withAttachments(List<Attachment> attachments) {
        return new OpenTicket(customerId, kind, channel, subject, description, contactPersonId, priority,
                attachments, customFields, productReturn);
    }

    /** This ticket with custom field values. */
    public OpenTicket withCustomFields(Map<String, CustomFieldValue> customFields) {
        return new OpenTicket(customerId, kind, channel, subject, description, contactPersonId, priority,
                attachments, customFields, productReturn);
    }

    /** What the ticket says, as stored. */
    TicketContent content() {
        return content(subject, description, attachments, customFields);
    }

    private static TicketContent content(String subject, String description, List<Attachment> attachments,
            Map<String, CustomFieldValue> customFields) {
        return new TicketContent(subject, description, attachments, customFields);
    }
}
