/**
 * The sales pipeline: per-tenant pipelines of ordered stages (each with a default probability, a forecast category,
 * an outcome and a norm of days), and opportunities (deals) that move through them, are won or lost with a reason,
 * and may be reopened by the pipeline's reopen rule. Every stage change is kept in an append-only history; a deal
 * that outstays its stage's norm raises {@link dev.crmkit.core.opportunity.OpportunityStalled} through the due-work
 * scheduler; the sales reports are aggregate queries of the storage.
 *
 * <p>Start at {@link dev.crmkit.core.opportunity.OpportunityService}; a deal's rules and lifecycle are in
 * {@code OpportunityAggregate}, its events are the records implementing
 * {@link dev.crmkit.core.opportunity.OpportunityEvent}. Uses {@code common} and {@code scheduling}; customers and team
 * members are checked through the storage contract's stores and referred to by id only.
 */
package dev.crmkit.core.opportunity;
