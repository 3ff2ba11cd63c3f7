package dev.crmkit.core.lead;

import dev.crmkit.model.lead.ScoreFactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How engaged a lead is, from its touch points; a {@link LeadScoringModel} whose factors start with
 * {@code engagement.}:
 *
 * <ul>
 *   <li>{@code engagement.touch-points} (+4 per touch point, +20 at most).</li>
 *   <li>{@code engagement.channels} (+5 per channel beyond the first, +10 at most).</li>
 *   <li>{@code engagement.recent} (+10): in touch within the last 7 days.</li>
 *   <li>{@code engagement.gone-quiet} (-10): touch points, but none for 30 days.</li>
 * </ul>
 */
public final class EngagementRules implements LeadScoringModel {
    private static final Duration RECENT = Duration.ofDays(7);
    private static final Duration QUIET = Duration.ofDays(30);

    @Override
    public List<ScoreFactor> score(LeadFacts facts) {
        List<ScoreFactor> factors = new ArrayList<>();
        long touchPoints = facts.touchPoints();
        if (touchPoints == 0) {
            return factors;
        }
        factors.add(new ScoreFactor("engagement.touch-points", (int) Math.min(20, 4 * touchPoints)));
        int channels = facts.engagement().size();
        if (channels > 1) {
            factors.add(new ScoreFactor("engagement.channels", Math.min(10, 5 * (channels - 1))));
        }
        Instant last = facts.lastTouchPoint();
        Duration since = Duration.between(last, facts.now());
        if (since.compareTo(RECENT) <= 0) {
            factors.add(new ScoreFactor("engagement.recent", 10));
        } else if (since.compareTo(QUIET) > 0) {
            factors.add(new ScoreFactor("engagement.gone-quiet", -10));
        }
        return factors;
    }
}
