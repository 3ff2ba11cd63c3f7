package dev.crmkit.core.customer;

/** Why two customers look like the same party; each reason carries the weight it adds to a candidate's score. */
public enum MatchReason {
    /** Both have the same normalized e-mail address. */
    SAME_EMAIL(0.9),
    /** Both have the same phone number in E.164 form. */
    SAME_PHONE(0.8),
    /** Their names are similar (Jaro-Winkler over the folded name) and they name the same organization. */
    SIMILAR_NAME_SAME_ORGANIZATION(0.7),
    /** Their names are similar and they share a postcode in the same country. */
    SIMILAR_NAME_SAME_POSTCODE(0.6);

    private final double weight;

    MatchReason(double weight) {
        this.weight = weight;
    }

    /** The probability-like weight, 0 to 1, this reason alone gives a match. */
    public double weight() {
        return weight;
    }
}
