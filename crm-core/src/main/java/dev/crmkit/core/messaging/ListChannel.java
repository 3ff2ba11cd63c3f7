package dev.crmkit.core.messaging;

import dev.crmkit.core.port.MessageChannel;
import dev.crmkit.core.port.OutgoingMessage;
import dev.crmkit.core.port.SendOutcome;
import dev.crmkit.model.message.ChannelKind;
import java.util.Set;

/**
 * The built-in channel of call lists and direct mail: it puts the message on its list by accepting it, so it is
 * recorded as sent and the host reads the list with {@link MessageService#listEntries} (or writes it as a file with
 * {@code dev.crmkit.core.interchange.MessageListCsv}). A host that pushes list entries somewhere itself (a dialer's
 * API, a print shop's upload) registers its own channel for the kind instead.
 */
final class ListChannel implements MessageChannel {
    @Override
    public Set<ChannelKind> kinds() {
        return Set.of(ChannelKind.CALL_LIST, ChannelKind.DIRECT_MAIL);
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        return SendOutcome.accepted();
    }
}
