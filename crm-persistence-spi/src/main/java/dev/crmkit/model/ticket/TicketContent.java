package dev.crmkit.model.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customfield.CustomFieldValue;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a ticket says: what the customer wrote and sent, and the tenant's own fields. Subject and description are
 * personal data (free text) and never leave the database in an event.
 *
 * @param subject      1 to 200 characters, not blank
 * @param description  at most 10,000 characters, or null
 * @param attachments  at most 20 files by reference, in the order given
 * @param customFields typed values by key ({@link CustomFieldValue#KEY}), at most 100, kept sorted by key
 */
public record TicketContent(String subject, String description, List<Attachment> attachments,
        Map<String, CustomFieldValue> customFields) {
    /** The longest subject. */
    public static final int MAX_SUBJECT = 200;
    /** The longest description. */
    public static final int MAX_DESCRIPTION = 10_000;
    /** The most attachments a ticket holds. */
    public static final int MAX_ATTACHMENTS = 20;
    /** The most custom field values a ticket holds. */
    public static final int MAX_CUSTOM_FIELDS = 100;

    /**
     * Checks the rules above and copies the lists and maps.
     *
     * @throws ValidationException naming the first component that breaks a rule ({@code subject},
     *     {@code description}, {@code attachments}, {@code customFields} or {@code customFields.<key>})
     */
    public TicketContent {
        Checks.text("subject", subject, MAX_SUBJECT);
        Checks.optionalText("description", description, MAX_DESCRIPTION);
        attachments = List.copyOf(Checks.noNulls("attachments", attachments));
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw new ValidationException("attachments", "must hold at most " + MAX_ATTACHMENTS + " files");
        }
        Checks.required("customFields", customFields);
        if (customFields.size() > MAX_CUSTOM_FIELDS) {
            throw new ValidationException("customFields", "must hold at most " + MAX_CUSTOM_FIELDS + " values");
        }
        for (Map.Entry<String, CustomFieldValue> e : customFields.entrySet()) {
            CustomFieldValue.checkKey("customFields", e.getKey());
            Checks.required("customFields." + e.getKey(), e.getValue());
        }
        customFields = Collections.unmodifiableSortedMap(new TreeMap<>(customFields));
    }

    /** Only a subject: no description, attachments or custom fields. */
    public static TicketContent subject(String subject) {
        return new TicketContent(subject, null, List.of(), Map.of());
    }
}
