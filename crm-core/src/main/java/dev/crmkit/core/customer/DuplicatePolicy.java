package dev.crmkit.core.customer;

/** What registration does when the new customer looks like one the tenant already has. */
public enum DuplicatePolicy {
    /**
     * Refuse the registration with a {@link dev.crmkit.model.NotPermittedException} when a candidate scores at least
     * the {@link MatchSettings#duplicateThreshold() duplicate threshold}; nothing is stored. A registration with only
     * possible duplicates is stored as under {@link #WARN}.
     */
    BLOCK,
    /**
     * Store the customer, return the candidates (those scoring at least the {@link MatchSettings#possibleThreshold()
     * possible threshold}) and record a {@link CustomerEvent.DuplicateSuspected} event.
     */
    WARN,
    /** Store the customer without looking for duplicates. */
    ALLOW
}
