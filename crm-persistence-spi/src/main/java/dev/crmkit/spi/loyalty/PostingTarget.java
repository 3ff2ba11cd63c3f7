package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;

/**
 * The membership a posting goes to, with what the posting needs of its programme, read at once
 * ({@link LoyaltyStorage#postingTarget}).
 *
 * <ul>
 *   <li>{@code membership}: the membership as stored.</li>
 *   <li>{@code expiry}: its programme's expiry policy as {@link ProgrammeStore#findExpiry} reads it; null when the
 *       tenant defines no programme with the membership's code.</li>
 *   <li>{@code tierScheme}: the stamp of its programme's tier scheme as {@link TierSchemeStore#findByProgramme} reads
 *       it; null when the programme has none.</li>
 * </ul>
 */
public record PostingTarget(MembershipRecord membership, ProgrammeExpiry expiry, TierSchemeStamp tierScheme) {
    /** Checks that the membership is given. */
    public PostingTarget {
        Checks.required("membership", membership);
    }
}
