/**
 * Leads: people and companies that may buy, from capture through qualification to conversion.
 * {@link dev.crmkit.spi.lead.LeadRecord} holds a lead's details, attribution, state, score with its explanation,
 * owner and first-contact times; {@link dev.crmkit.spi.lead.LeadStore} finds them by filter, by the keys new
 * leads are matched on, counts open leads per owner for distribution and tallies them for the funnel report.
 *
 * <p>A lead's touch points are {@link dev.crmkit.spi.touchpoint.InteractionRecord interactions} whose
 * {@code customerId} is the lead's id until it converts; conversion moves them to the customer.
 */
package dev.crmkit.spi.lead;
