package dev.crmkit.core.lead;

import dev.crmkit.core.customer.MatchReason;
import dev.crmkit.spi.Checks;
import java.util.Set;
import java.util.UUID;

/** An open lead or a customer a captured lead may be the same party as, with the score and the reasons. */
public record LeadMatch(Kind kind, UUID id, double score, Set<MatchReason> reasons) {
    /** What matched. */
    public enum Kind { LEAD, CUSTOMER }

    public LeadMatch {
        Checks.required("kind", kind);
        Checks.id("id", id);
        reasons = Set.copyOf(reasons);
    }

    /** Whether the match is strong enough to act on automatically (the same e-mail or phone). */
    public boolean isStrong() {
        return score >= LeadDedupPolicy.STRONG;
    }
}
