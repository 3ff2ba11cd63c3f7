package dev.crmkit.core.port;

import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageContent;
import dev.crmkit.model.message.MessageOrigin;
import dev.crmkit.model.message.Recipient;
import java.util.UUID;

/**
 * A message as a {@link MessageChannel} receives it: its id (the same on every attempt), its tenant and customer, the
 * kind and (for a list kind) the list it goes on, the recipient and content (personal data: the channel sends them
 * and logs neither), what sent it, and which attempt this is, from 1.
 */
public record OutgoingMessage(
        UUID messageId,
        String tenantId,
        UUID customerId,
        ChannelKind kind,
        String listName,
        Recipient recipient,
        MessageContent content,
        MessageOrigin origin,
        int attempt) {

    /**
     * The key to give the provider so it sends a repeated call once: the message id as text. The same for every
     * attempt of this message, and unique across tenants.
     */
    public String idempotencyKey() {
        return messageId.toString();
    }
}
