package dev.crmkit.core.customer;

/** A field the matching rules compare; a candidate's explanation gives each field's contribution to its score. */
public enum MatchField {
    /** A person's given name: equal, a nickname of it, an initial, or within typing distance. */
    GIVEN_NAME,
    /** A person's family name: equal, sounding alike (Double Metaphone), or within typing distance. */
    FAMILY_NAME,
    /** An organization's name, or the employer a person gives. */
    ORGANIZATION,
    /** The date of birth, from the custom field the tenant declares: equal, day and month swapped, one digit off. */
    DATE_OF_BIRTH,
    /** A postal address: street and number, postcode (also one character off) and city. */
    ADDRESS,
    /** An identifier the tenant declares (a custom field holding a customer number, a tax id). */
    IDENTIFIER,
    /** A normalized e-mail address in common, counting for less the more customers share it. */
    EMAIL,
    /** A phone number in common, counting for less the more customers share it. */
    PHONE
}
