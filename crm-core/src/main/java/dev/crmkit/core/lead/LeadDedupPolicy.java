package dev.crmkit.core.lead;

import dev.crmkit.model.Checks;

/**
 * What capturing does with a new lead that the customer matching rules connect to an open lead or an existing
 * customer. A <em>strong</em> match is the same e-mail or phone (score 0.8 or more); a weaker one (a similar name
 * with the same company or postcode) is never acted on automatically and only flags the lead for review, unless
 * the action is {@code IGNORE}.
 *
 * @param onLeadMatch     for a strong match with an open lead
 * @param onCustomerMatch for a strong match with a customer
 */
public record LeadDedupPolicy(LeadMatchAction onLeadMatch, CustomerMatchAction onCustomerMatch) {
    /** The lowest match score that counts as strong. */
    public static final double STRONG = 0.8;

    /** What to do about a matching open lead. */
    public enum LeadMatchAction {
        /** Fold the capture into the open lead: fill its missing details and record the submission on it. */
        MERGE,
        /** Store the new lead, flagged for a person to review. */
        FLAG_FOR_REVIEW,
        /** Store the new lead as if there were no match. */
        IGNORE
    }

    /** What to do about a matching customer. */
    public enum CustomerMatchAction {
        /** Store the lead linked to the customer; conversion then goes to that customer. */
        LINK,
        /** Store the lead linked to the customer and flagged for review. */
        FLAG_FOR_REVIEW,
        /** Store the lead as if there were no match. */
        IGNORE
    }

    /**
     * @throws dev.crmkit.model.ValidationException ({@code onLeadMatch}, {@code onCustomerMatch}) when either is
     *     null
     */
    public LeadDedupPolicy {
        Checks.required("onLeadMatch", onLeadMatch);
        Checks.required("onCustomerMatch", onCustomerMatch);
    }

    /** The open lead a capture with these matches (best first) is merged into, if the policy merges. */
    java.util.Optional<LeadMatch> mergeTarget(java.util.List<LeadMatch> matches) {
        return onLeadMatch == LeadMatchAction.MERGE ? strongest(matches, LeadMatch.Kind.LEAD)
                : java.util.Optional.empty();
    }

    /** The customer a new lead with these matches is linked to, or null. */
    java.util.UUID linkedCustomer(java.util.List<LeadMatch> matches) {
        return onCustomerMatch == CustomerMatchAction.IGNORE ? null
                : strongest(matches, LeadMatch.Kind.CUSTOMER).map(LeadMatch::id).orElse(null);
    }

    /** Flagged when the policy says so for a strong match, and for any weak match the policy does not ignore. */
    boolean needsReview(java.util.List<LeadMatch> matches) {
        for (LeadMatch m : matches) {
            boolean lead = m.kind() == LeadMatch.Kind.LEAD;
            boolean ignored = lead ? onLeadMatch == LeadMatchAction.IGNORE
                    : onCustomerMatch == CustomerMatchAction.IGNORE;
            boolean flagged = lead ? onLeadMatch == LeadMatchAction.FLAG_FOR_REVIEW
                    : onCustomerMatch == CustomerMatchAction.FLAG_FOR_REVIEW;
            if (!ignored && (!m.isStrong() || flagged)) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Optional<LeadMatch> strongest(java.util.List<LeadMatch> matches, LeadMatch.Kind kind) {
        return matches.stream().filter(m -> m.kind() == kind && m.isStrong()).findFirst();
    }

    /** Merge into open leads, link to customers: the default. */
    public static LeadDedupPolicy mergeAndLink() {
        return new LeadDedupPolicy(LeadMatchAction.MERGE, CustomerMatchAction.LINK);
    }

    /** Never act automatically: every match is flagged for review. */
    public static LeadDedupPolicy reviewAll() {
        return new LeadDedupPolicy(LeadMatchAction.FLAG_FOR_REVIEW, CustomerMatchAction.FLAG_FOR_REVIEW);
    }
}
