package dev.crmkit.spi.message;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageContent;
import dev.crmkit.model.message.MessageDelivery;
import dev.crmkit.model.message.MessageOrigin;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.model.message.Recipient;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * One outgoing message and how far it got.
 *
 * <ul>
 *   <li>{@code customerId}: the customer it is for.</li>
 *   <li>{@code kind}: the kind of channel that sends it.</li>
 *   <li>{@code listName}: the list a {@link ChannelKind#isList() list kind}'s message goes on; optional, at most 100
 *       characters.</li>
 *   <li>{@code recipient}, {@code content}: personal data; both null once the person's data was
 *       {@link MessageStore#erase erased}, otherwise both present.</li>
 *   <li>{@code origin}: what sent it; optional.</li>
 *   <li>{@code idempotencyKey}: the caller's key for a retried send; optional, unique in the tenant, at most 100.</li>
 *   <li>{@code notBefore}: the earliest time it may be sent.</li>
 *   <li>{@code delivery}: its status and what the channel and provider said; the only part (with {@code updatedAt}
 *       and the version) that {@link MessageStore#update} changes.</li>
 * </ul>
 */
public record MessageRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        UUID customerId,
        ChannelKind kind,
        String listName,
        Recipient recipient,
        MessageContent content,
        MessageOrigin origin,
        String idempotencyKey,
        Instant notBefore,
        MessageDelivery delivery) implements StoredRecord {

    /**
     * Checks the rules above: tenant, id, version, times, customer, kind, notBefore and delivery are required;
     * recipient and content are both present or both null; the instants are truncated to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public MessageRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.id("customerId", customerId);
        Checks.required("kind", kind);
        Checks.optionalText("listName", listName, 100);
        if ((recipient == null) != (content == null)) {
            throw new ValidationException(recipient == null ? "recipient" : "content",
                    "is required unless the message was erased, and then both recipient and content are null");
        }
        Checks.optionalText("idempotencyKey", idempotencyKey, 100);
        notBefore = Checks.instant("notBefore", notBefore);
        Checks.required("delivery", delivery);
    }

    /** The message's status. */
    public MessageStatus status() {
        return delivery.status();
    }

    /** Whether the person's data (recipient and content) was erased from it. */
    public boolean isErased() {
        return recipient == null;
    }

    /** This message after a change of its delivery at {@code at}: one version on, the rest the same. */
    public MessageRecord withDelivery(MessageDelivery next, Instant at) {
        return new MessageRecord(tenantId, id, version + 1, createdAt, at, customerId, kind, listName, recipient,
                content, origin, idempotencyKey, notBefore, next);
    }
}
