package dev.crmkit.core.lead;

/**
 * What training the predictive model on the tenant's history found: how many converted and disqualified leads it
 * read, whether that was enough ({@link NaiveBayesLeadModel#MIN_PER_OUTCOME} of each) to train it, and the version of
 * the tenant's current model afterwards: the one just stored when {@code trained}, otherwise the one the tenant kept
 * (0 when it has none).
 */
public record TrainingReport(long converted, long lost, boolean trained, long modelVersion) {
}
