package dev.crmkit.core.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tier a member holds, with its benefits.
 *
 * @param membershipId the membership
 * @param programme its programme's code
 * @param tier the tier held, as the programme's current scheme defines it; empty for none (or a tier the scheme no
 *     longer has, until the member's next review)
 * @param tierCode the code of the tier held, or null for none
 * @param since when the member reached it, or null
 * @param reviewAt when it is next evaluated for a downgrade, or null
 */
public record MemberTier(UUID membershipId, String programme, Optional<Tier> tier, String tierCode, Instant since,
        Instant reviewAt) {
    /** The benefits of the tier held; none without a tier. */
    public List<String> benefits() {
        return tier.map(Tier::benefits).orElse(List.of());
    }
}
