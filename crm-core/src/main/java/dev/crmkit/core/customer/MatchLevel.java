package dev.crmkit.core.customer;

/**
 * How far two parties agree on one {@link MatchField}: each level has a weight in {@link MatchWeights} (a log2
 * likelihood ratio, positive for agreement), which a host may set per tenant or estimate from the tenant's own data
 * ({@link CustomerService#estimateMatchWeights}). A field one of the two parties lacks has no level and counts for
 * nothing. The default weights are the ones docs/customers.md tabulates.
 */
public enum MatchLevel {
    /** The same folded family name. */
    FAMILY_EQUAL(MatchField.FAMILY_NAME, 3.5),
    /** Family names sounding alike (Double Metaphone) or within typing distance (Jaro-Winkler at least 0.9). */
    FAMILY_SIMILAR(MatchField.FAMILY_NAME, 2.5),
    /** Different family names. */
    FAMILY_DIFFERENT(MatchField.FAMILY_NAME, -4.0),
    /** The same first given name. */
    GIVEN_EQUAL(MatchField.GIVEN_NAME, 2.5),
    /** A nickname of the other's given name (Bill for William). */
    GIVEN_NICKNAME(MatchField.GIVEN_NAME, 2.0),
    /** Given names within typing distance (Jaro-Winkler at least 0.9). */
    GIVEN_SIMILAR(MatchField.GIVEN_NAME, 2.0),
    /** An initial that fits the other's given name. */
    GIVEN_INITIAL(MatchField.GIVEN_NAME, 1.0),
    /** Different given names, or another initial. */
    GIVEN_DIFFERENT(MatchField.GIVEN_NAME, -4.5),
    /**
     * Added to the family name's weight when given and family name agree better crosswise, as a typist may swap
     * them. Not estimated from data: it is a correction, not a field.
     */
    NAMES_SWAPPED(MatchField.FAMILY_NAME, -0.5),
    /** Organizations: the same name without legal forms. */
    ORGANIZATION_EQUAL(MatchField.ORGANIZATION, 6.0),
    /** Organizations: names within typing distance (Jaro-Winkler at least 0.92). */
    ORGANIZATION_SIMILAR(MatchField.ORGANIZATION, 3.5),
    /** Organizations: different names. */
    ORGANIZATION_DIFFERENT(MatchField.ORGANIZATION, -4.0),
    /** Two persons giving the same employer. */
    EMPLOYER_EQUAL(MatchField.ORGANIZATION, 0.9),
    /** Two persons giving different employers (people change jobs: nothing by default). */
    EMPLOYER_DIFFERENT(MatchField.ORGANIZATION, 0.0),
    /** The same date of birth. */
    BIRTH_EQUAL(MatchField.DATE_OF_BIRTH, 7.0),
    /** Dates of birth with day and month swapped, or one digit apart. */
    BIRTH_NEAR(MatchField.DATE_OF_BIRTH, 3.5),
    /** Different dates of birth. */
    BIRTH_DIFFERENT(MatchField.DATE_OF_BIRTH, -5.0),
    /** The best pair of addresses: street and number, with the same or a near postcode or the same city. */
    ADDRESS_EQUAL(MatchField.ADDRESS, 4.0),
    /** The best pair of addresses: the same street in the same postcode or city, another house number. */
    ADDRESS_STREET(MatchField.ADDRESS, 2.0),
    /** The best pair of addresses: the same postcode only. */
    ADDRESS_POSTCODE(MatchField.ADDRESS, 1.0),
    /** No address of one near any of the other's (people move: a small weight). */
    ADDRESS_DIFFERENT(MatchField.ADDRESS, -1.0),
    /** A declared identifier with the same value (each identifier both have counts). */
    IDENTIFIER_EQUAL(MatchField.IDENTIFIER, 10.0),
    /** A declared identifier with different values. */
    IDENTIFIER_DIFFERENT(MatchField.IDENTIFIER, -8.0),
    /** An e-mail address in common, before the discount for addresses many customers share. */
    EMAIL_EQUAL(MatchField.EMAIL, 16.0),
    /** E-mail addresses, none in common (people have several: nothing by default). */
    EMAIL_DIFFERENT(MatchField.EMAIL, 0.0),
    /** A phone number in common, before the discount for numbers many customers share. */
    PHONE_EQUAL(MatchField.PHONE, 7.0),
    /** Phone numbers, none in common (nothing by default). */
    PHONE_DIFFERENT(MatchField.PHONE, 0.0);

    private final MatchField field;
    private final double defaultWeight;

    MatchLevel(MatchField field, double defaultWeight) {
        this.field = field;
        this.defaultWeight = defaultWeight;
    }

    /** The field this level is a level of; its weight is that field's contribution. */
    public MatchField field() {
        return field;
    }

    /** The weight of this level in {@link MatchWeights#defaults()}. */
    public double defaultWeight() {
        return defaultWeight;
    }
}
