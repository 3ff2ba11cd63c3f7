package dev.crmkit.core.customer;

/** What registration does when the new customer looks like one the tenant already has. */
public enum DuplicatePolicy {
    /** Refuse the registration with a {@link dev.crmkit.model.NotPermittedException}; nothing is stored. */
    BLOCK,
    /** Store the customer, return the candidates and record a {@link CustomerEvent.DuplicateSuspected} event. */
    WARN,
    /** Store the customer without looking for duplicates. */
    ALLOW
}
