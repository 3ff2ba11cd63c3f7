package dev.crmkit.core.lead;

/**
 * What training the predictive model on the tenant's history found: how many converted and disqualified leads
 * it read, and whether that was enough ({@link NaiveBayesLeadModel#MIN_PER_OUTCOME} of each) to train it. When it
 * was not, the tenant keeps the model it had, if any.
 */
public record TrainingReport(long converted, long lost, boolean trained) {
}
