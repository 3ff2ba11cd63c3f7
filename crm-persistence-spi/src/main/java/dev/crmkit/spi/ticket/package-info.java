/**
 * The storage contract of the ticket domain: {@link dev.crmkit.spi.ticket.TicketStorage}, its
 * {@link dev.crmkit.spi.ticket.TicketStore} and the {@link dev.crmkit.spi.ticket.TicketRecord} it persists.
 */
package dev.crmkit.spi.ticket;
