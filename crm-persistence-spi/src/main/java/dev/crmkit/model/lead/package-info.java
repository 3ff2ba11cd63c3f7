/**
 * What a caller of the lead domain passes and reads: a lead's details and attribution, its source, status and
 * qualification, the factors that explain its score, and the filter that lists leads.
 */
package dev.crmkit.model.lead;
