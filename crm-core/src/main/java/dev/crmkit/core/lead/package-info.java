/**
 * Leads: people and companies that may buy, from capture to conversion. A lead is captured from a source with its
 * attribution and raw submission, de-duplicated against open leads and customers by the customer matching rules
 * ({@link dev.crmkit.core.lead.LeadDedupPolicy}), scored with an explanation by pluggable
 * {@link dev.crmkit.core.lead.LeadScoringModel models} (fit rules, engagement, a naive Bayes model trained on the
 * tenant's history), distributed to the team by a {@link dev.crmkit.core.lead.DistributionStrategy}, worked through
 * the {@link dev.crmkit.core.lead.LeadLifecycle} from a prioritized queue, and converted into a customer and an
 * opportunity. A lead's rules (its states and moves, qualification, first contact, conversion's precondition) are
 * in {@code LeadAggregate}.
 *
 * <p>Start at {@link dev.crmkit.core.lead.LeadService}. Uses {@code common}, the public API of {@code customer}
 * (matching rules, contact normalization, registration), of {@code team} (who is available) and of
 * {@code scheduling} (first-contact alerts); opportunities are opened through the
 * {@link dev.crmkit.core.lead.OpportunityOpener} port.
 */
package dev.crmkit.core.lead;
