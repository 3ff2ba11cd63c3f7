package dev.crmkit.core.lead;

import dev.crmkit.core.customer.MatchReason;
import dev.crmkit.model.Checks;
import java.util.Set;
import java.util.UUID;

/** An open lead or a customer a captured lead may be the same party as, with the score and the reasons. */
public record LeadMatch(Kind kind, UUID id, double score, Set<MatchReason> reasons) {
    /** What matched. */
    public enum Kind {
        /** An open lead: a capture may be merged into it. */
        LEAD,
        /** A customer: a new lead may be linked to it, and converts into it. */
        CUSTOMER
    }

    /**
     * Copies the reasons.
     *
     * @throws dev.crmkit.model.ValidationException ({@code kind}, {@code id}) when either is null
     * @throws NullPointerException when the reasons are null or hold null
     */
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
