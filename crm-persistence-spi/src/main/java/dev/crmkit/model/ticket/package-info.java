/**
 * The vocabulary of customer service tickets that callers and storages share: a ticket's kind, channel, priority and
 * state, its content (subject, description, attachments by reference, custom fields), the references of a product
 * return, and {@link dev.crmkit.model.ticket.TicketFilter}, the criteria a ticket query takes.
 */
package dev.crmkit.model.ticket;
