/**
 * The sales pipeline: {@link dev.crmkit.spi.opportunity.PipelineRecord pipelines} of ordered stages per tenant,
 * {@link dev.crmkit.spi.opportunity.OpportunityRecord opportunities} (deals) moving through them with an append-only
 * {@link dev.crmkit.spi.opportunity.StageChangeRecord stage history}, and the sales reports the
 * {@link dev.crmkit.spi.opportunity.OpportunityStore} computes over them.
 */
package dev.crmkit.spi.opportunity;
