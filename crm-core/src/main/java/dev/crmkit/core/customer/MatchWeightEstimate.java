package dev.crmkit.core.customer;

import dev.crmkit.model.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Match weights estimated from a tenant's own customers ({@link CustomerService#estimateMatchWeights}): an
 * expectation-maximisation fit of two classes, pairs of one party and pairs of two, over the candidate pairs the
 * blocking keys yield. A host may store {@link #weights()} as the tenant's ({@link MatchSettings#withWeights}); nothing
 * is changed by estimating.
 *
 * @param weights the tenant's weights with every level the sample showed replaced by {@code log2(m / u)}, and the even
 *     weight by {@code log2((1 - matchShare) / matchShare)}, so that a score is the fitted chance that a candidate pair
 *     is one party; levels the sample did not show, and {@link MatchLevel#NAMES_SWAPPED}, keep the tenant's weight
 * @param levels what was fitted for each level the sample showed
 * @param customers how many customers were sampled
 * @param pairs how many candidate pairs were compared (each pair once)
 * @param matchShare the fitted share of the pairs that are one party
 * @param iterations how many rounds the fit ran
 * @param converged whether the fit settled (no probability moving by more than a millionth) before its last round
 */
public record MatchWeightEstimate(MatchWeights weights, Map<MatchLevel, Level> levels, int customers, long pairs,
        double matchShare, int iterations, boolean converged) {

    /**
     * What was fitted for one level.
     *
     * @param m the chance that a pair of one party, when both have the field, agrees at this level
     * @param u the chance that a pair of two parties, when both have the field, agrees at this level
     * @param pairs how many sampled pairs were at this level
     */
    public record Level(double m, double u, long pairs) {
        /** The level's weight, {@code log2(m / u)}, kept within {@link MatchWeights#MAX_WEIGHT}. */
        public double weight() {
            double w = Math.log(m / u) / Math.log(2);
            return Math.max(-MatchWeights.MAX_WEIGHT, Math.min(MatchWeights.MAX_WEIGHT, w));
        }
    }

    /**
     * Copies the levels.
     *
     * @throws dev.crmkit.model.ValidationException ({@code weights}, {@code levels}) when null or holding null
     */
    public MatchWeightEstimate {
        Checks.required("weights", weights);
        Checks.required("levels", levels);
        EnumMap<MatchLevel, Level> copy = new EnumMap<>(MatchLevel.class);
        levels.forEach((level, fit) -> copy.put(Checks.required("levels", level), Checks.required("levels", fit)));
        levels = Collections.unmodifiableMap(copy);
    }
}
