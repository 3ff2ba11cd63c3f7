package dev.crmkit.core.lead;

import dev.crmkit.model.lead.ScoreFactor;
import java.util.List;

/**
 * A lead's score, 0 to 100, and its explanation: every factor that added or took away points, in the order the
 * models gave them. The points are the factors' sum, clamped to 0 to 100.
 */
public record LeadScore(int points, List<ScoreFactor> factors) {
    /** Copies the factors, keeping their order. The points are taken as given; {@link #of(List)} computes them. */
    public LeadScore {
        factors = List.copyOf(factors);
    }

    /** The score of these factors: their sum, clamped to 0 to 100. */
    public static LeadScore of(List<ScoreFactor> factors) {
        int sum = factors.stream().mapToInt(ScoreFactor::points).sum();
        return new LeadScore(Math.max(0, Math.min(100, sum)), factors);
    }

    /** The explanation as readable lines, such as {@code +15 fit.industry}. */
    public List<String> explanation() {
        return factors.stream().map(f -> (f.points() >= 0 ? "+" : "") + f.points() + " " + f.code()).toList();
    }
}
