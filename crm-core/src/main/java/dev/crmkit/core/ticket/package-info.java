/**
 * Customer service: tickets of five kinds (service request, complaint, product return, information request,
 * incident) opened from any channel for a customer, and the explicit lifecycle they move through (new, open, waiting
 * on the customer or a third party, resolved, closed; reopened within a per-tenant window; a duplicate merged into
 * another ticket); a priority from named, pluggable {@link dev.crmkit.core.ticket.PriorityRule}s (kind, channel,
 * words in the subject, the customer's tier through the host's {@link dev.crmkit.core.ticket.CustomerTier}), which an
 * agent may override; service levels: business-hours calendars ({@link dev.crmkit.core.ticket.BusinessCalendar}) stored
 * per tenant and team, the tenant's {@link dev.crmkit.core.ticket.SlaPolicy} and each ticket's
 * {@link dev.crmkit.core.ticket.Milestone}s, clocks of business time that pause while the ticket waits on the customer;
 * escalation near and at a milestone's breach by the tenant's {@link dev.crmkit.core.ticket.EscalationPolicy}, whose
 * steps run named, pluggable {@link dev.crmkit.core.ticket.EscalationAction}s once per milestone; routing to agents by
 * skill, language, team and capacity ({@link dev.crmkit.core.ticket.TicketRouting}); an acknowledgement of a new
 * ticket by e-mail with its {@link dev.crmkit.core.ticket.TicketThread thread reference} and suggested articles
 * ({@link dev.crmkit.core.ticket.TicketAcknowledgementModule}, opt-in), and the customer's replies on that thread
 * ({@link dev.crmkit.core.ticket.TicketService#replyReceived}); the knowledge base
 * ({@link dev.crmkit.core.ticket.KnowledgeBase}), satisfaction surveys after resolution
 * ({@link dev.crmkit.core.ticket.SatisfactionSurveys}) and the service desk's reports computed in the database
 * ({@link dev.crmkit.core.ticket.ServiceReports}).
 *
 * <p>Start at {@link dev.crmkit.core.ticket.TicketService}; a ticket's rules and lifecycle are in
 * {@code TicketAggregate}, its events are the records implementing {@link dev.crmkit.core.ticket.TicketEvent} and
 * {@link dev.crmkit.core.ticket.EscalationEvent}. Uses {@code common}, {@code module}, {@code scheduling}
 * (escalation runs as due work), {@code messaging} (acknowledgements are sent through it) and {@code touchpoint}'s
 * service to put ticket events on the customer's timeline ({@link dev.crmkit.core.ticket.TicketTimelineModule});
 * customers, contact persons, team members and their teams are checked through the storage contract's stores and
 * referred to by id only. Routing uses the public API of {@code team} (who is available and at work).
 */
package dev.crmkit.core.ticket;
