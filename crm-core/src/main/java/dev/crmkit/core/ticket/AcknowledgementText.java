package dev.crmkit.core.ticket;

import java.util.List;

/**
 * Writes the e-mail that acknowledges a ticket, in the host's words and language: a subject and a body for the ticket,
 * its thread reference and the suggested articles. The messaging domain checks the result as it checks every e-mail
 * (subject and body required); the subject is sent as {@code [reference] subject} so that a reply keeps the reference.
 * Must not read or write storage. {@link #english()} is the built-in text.
 */
@FunctionalInterface
public interface AcknowledgementText {
    /** The subject and body of the e-mail. */
    Text of(Ticket ticket, String reference, List<Article> suggestions);

    /** An e-mail's subject and body. */
    record Text(String subject, String body) {
    }

    /**
     * A short English text: the subject repeats the ticket's, the body names the reference and lists the suggested
     * articles' titles.
     */
    static AcknowledgementText english() {
        return (ticket, reference, suggestions) -> {
            StringBuilder body = new StringBuilder("We have received your request \"").append(ticket.subject())
                    .append("\" and will answer as soon as we can. Its reference is ").append(reference)
                    .append(": please keep it in the subject when you reply.\n");
            if (!suggestions.isEmpty()) {
                body.append("\nThese articles may already help:\n");
                suggestions.forEach(a -> body.append("- ").append(a.title()).append('\n'));
            }
            return new Text(ticket.subject(), body.toString());
        };
    }
}
