package dev.crmkit.model.customer;

/** The path of customer matching that found a suspected duplicate pair. */
public enum DuplicateSource {
    /** A customer's registration scored it against a stored customer. */
    REGISTRATION,
    /** A bulk import scored an imported row against a stored customer. */
    IMPORT,
    /** The bulk duplicate job compared two stored customers sharing a value. */
    BULK_JOB
}
