package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.loyalty.ExpiryKind;

/**
 * A programme's expiry policy as stored, read without its rules ({@link ProgrammeStore#findExpiry}): its
 * {@link ProgrammeRecord#expiryKind()} and {@link ProgrammeRecord#expiryMonths()}.
 */
public record ProgrammeExpiry(ExpiryKind kind, int months) {
    /** Checks that the kind is given. */
    public ProgrammeExpiry {
        Checks.required("kind", kind);
    }

    /** The policy the programme holds. */
    public static ProgrammeExpiry of(ProgrammeRecord programme) {
        return new ProgrammeExpiry(programme.expiryKind(), programme.expiryMonths());
    }
}
