package dev.crmkit.core.customer;

/**
 * Why two customers look like the same party, in words a reviewer reads: the fields that agreed. The score itself
 * comes from the per-field weights of the matching rules ({@link DuplicateCandidate#contributions()}); each reason
 * keeps a weight for {@link PartyProfile#score(java.util.Set)}, which combines reasons alone.
 */
public enum MatchReason {
    /** Both have the same normalized e-mail address. */
    SAME_EMAIL(0.9),
    /** Both have the same phone number in E.164 form. */
    SAME_PHONE(0.8),
    /** Their names are similar and they name the same organization (for organizations: similar names). */
    SIMILAR_NAME_SAME_ORGANIZATION(0.7),
    /** Their names are similar and they share a postcode in the same country, not the street. */
    SIMILAR_NAME_SAME_POSTCODE(0.6),
    /** Their names are similar and they share a street (and house number) in the same postcode or city. */
    SIMILAR_NAME_SAME_ADDRESS(0.7),
    /** Their names are similar and their dates of birth agree (equal, day and month swapped, a digit off). */
    SIMILAR_NAME_SAME_BIRTH_DATE(0.8),
    /** A declared identifier has the same value for both. */
    SAME_IDENTIFIER(0.95);

    private final double weight;

    MatchReason(double weight) {
        this.weight = weight;
    }

    /** The probability-like weight, 0 to 1, this reason alone gives a match. */
    public double weight() {
        return weight;
    }
}
