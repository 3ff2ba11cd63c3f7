package dev.crmkit.core.ticket;

import dev.crmkit.model.Checks;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The thread reference that ties the messages about a ticket to it: {@code TKT-} and the ticket's id
 * ({@code TKT-018f0000-0000-7000-8000-000000000002}). The acknowledgement of a ticket carries it in its subject, in
 * square brackets; a customer's reply keeps the subject, so the host's inbound side finds the reference in the reply's
 * subject (or in a header it set) and hands it to {@link TicketService#replyReceived}.
 */
public final class TicketThread {
    /** What every reference starts with. */
    public static final String PREFIX = "TKT-";

    private static final Pattern REFERENCE = Pattern.compile("(?i)" + PREFIX
            + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    private TicketThread() {
    }

    /**
     * The thread reference of a ticket.
     *
     * @throws dev.crmkit.model.ValidationException ({@code ticketId}) when it is null
     */
    public static String reference(UUID ticketId) {
        return PREFIX + Checks.id("ticketId", ticketId);
    }

    /**
     * The ticket whose reference the text holds (the first, ignoring case), such as a reply's subject
     * ({@code "Re: [TKT-018f...] Late delivery"}); empty when it holds none or is null.
     */
    public static Optional<UUID> ticketOf(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = REFERENCE.matcher(text);
        return m.find() ? Optional.of(UUID.fromString(m.group(1))) : Optional.empty();
    }
}
