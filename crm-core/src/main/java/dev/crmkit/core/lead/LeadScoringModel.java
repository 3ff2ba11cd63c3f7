package dev.crmkit.core.lead;

import dev.crmkit.model.lead.ScoreFactor;
import java.util.List;

/**
 * A model that scores leads: the port a host plugs its own model into (a vendor's predictive score, a rules
 * engine). It returns the factors it adds to a lead's score, each with a code and the points it added or took
 * away, so the score explains itself; a lead's score is the sum of all configured models' factors, clamped to 0
 * to 100. Codes should start with the model's name ({@code fit.}, {@code engagement.}, {@code acme-ml.}).
 *
 * <p>Models run inside the lead service's transaction whenever a lead changes, so they must be fast and must not
 * call back into CRMKit. They must be deterministic for the same facts, and never log the facts.
 */
@FunctionalInterface
public interface LeadScoringModel {
    /** The factors this model contributes for the lead; an empty list when it has nothing to say. */
    List<ScoreFactor> score(LeadFacts facts);
}
