package dev.crmkit.core.ticket;

import dev.crmkit.model.ticket.TicketPriority;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named rule that gives a ticket being opened a priority, or has no opinion on it. The built-in rules are in
 * {@link PriorityRules}; a host plugs its own by implementing this interface and listing it in {@link TicketSettings}.
 *
 * <p>The {@link #name() name} is the reason recorded in {@code ticket.opened} when the rule decides a ticket's
 * priority, so it is a code, never the customer's words: lower-case letters, digits and '-', 1 to 50 characters,
 * starting with a letter, unique in a tenant's list, and neither {@value PriorityRules#DEFAULT} nor
 * {@value PriorityRules#AGENT}, which name the default priority and an agent's choice. A rule must not read or
 * write storage and must answer quickly: it runs inside the transaction that opens the ticket.
 */
public interface PriorityRule {
    /** The form of a rule's name: lower-case letters, digits and '-', 1 to 50 characters, from a letter. */
    Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,49}");

    /** The rule's name, the reason recorded when it decides a priority; see the type's documentation. */
    String name();

    /**
     * The priority this rule gives the ticket, or empty when it does not apply; a null answer counts as empty.
     *
     * @param tenantId the tenant the ticket is opened in
     * @param ticket   the validated command opening the ticket; its {@code priority} is null
     * @return the priority, or empty
     */
    Optional<TicketPriority> priorityOf(String tenantId, OpenTicket ticket);
}
