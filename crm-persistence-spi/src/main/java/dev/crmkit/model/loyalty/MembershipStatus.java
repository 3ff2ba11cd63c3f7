package dev.crmkit.model.loyalty;

/** Where a membership stands: it earns and spends points only while active; a closed one never opens again. */
public enum MembershipStatus {
    /** Earns and spends points. */
    ACTIVE,
    /** Held for now (fraud review, a dispute): earns and spends nothing until reactivated. */
    SUSPENDED,
    /** Ended for good. */
    CLOSED
}
