package dev.crmkit.core.ticket;

/**
 * A tenant's rule for what a ticket needs of the agent it is routed to: skills, a language, a team. Every rule of the
 * tenant's list is asked, in order, and their answers are combined with {@link RoutingRequirement#and} (all skills;
 * the first language and team given). The built-in rules are in {@link RoutingRules}; a host writes its own as a
 * lambda (the customer's language from its own records, say). A rule reads the ticket only, not storage, and must
 * not throw for a ticket it has no opinion on: it answers {@link RoutingRequirement#none()}.
 */
@FunctionalInterface
public interface RoutingRule {
    /** What {@code ticket} of {@code tenantId} needs of its agent by this rule; never null. */
    RoutingRequirement requirementOf(String tenantId, Ticket ticket);
}
