/**
 * The storage contract of the ticket domain: {@link dev.crmkit.spi.ticket.TicketStorage}, its
 * {@link dev.crmkit.spi.ticket.TicketStore} and the {@link dev.crmkit.spi.ticket.TicketRecord} it persists; and
 * {@link dev.crmkit.spi.ticket.ServiceLevelStorage} with the business-hours calendars, SLA policies and ticket
 * milestones ({@link dev.crmkit.spi.ticket.BusinessCalendarRecord}, {@link dev.crmkit.spi.ticket.SlaPolicyRecord},
 * {@link dev.crmkit.spi.ticket.MilestoneRecord}) and ticket routing ({@link dev.crmkit.spi.ticket.AgentSlotRecord},
 * {@link dev.crmkit.spi.ticket.WaitingTicketRecord}) its stores persist.
 */
package dev.crmkit.spi.ticket;
