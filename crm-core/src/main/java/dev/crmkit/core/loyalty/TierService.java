package dev.crmkit.core.loyalty;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's programme tiers and the tiers its members hold. Get it from a tenant handle:
 * {@code crm.tenant("acme").service(TierService.class)}. Each method is one unit of work; a rejected call changes
 * nothing.
 *
 * <p>Members move up at once: in the unit of every posting that could raise their measure (see
 * {@link TierRules}), a member reaching a higher tier is upgraded, with a {@link TierUpgraded} event, and the
 * programme's tier bonus ({@link ProgrammeRules#withTierBonus}) applies to what they earn from then on. Members move
 * down only at a review, one window after they reached or last kept their tier, run by the durable due-work scheduler
 * as work of kind {@link #REVIEW}: exactly once per review, even with several nodes, since the member's tier is stored
 * by compare-and-set on its version.
 */
public interface TierService {
    /** The due-work kind of a member's tier review; its key is the membership's id. */
    String REVIEW = "loyalty.tier.review";

    /**
     * Gives a programme its tiers at version 1, with a {@link TiersDefined} event. Defining them again with the same
     * rules (a retry) returns the scheme there is and records nothing. The programme need not be defined yet.
     *
     * @throws ConflictException (not retryable) when the programme has other tiers
     */
    TierScheme defineTiers(DefineTiers command);

    /**
     * Replaces a programme's tiers whole at the scheme's next version, with a {@link TiersRevised} event; a revision
     * to the rules there are (a retry) records nothing. Members keep their tier until their next posting or review.
     *
     * @throws NotFoundException when the programme has no tiers
     * @throws ConflictException when the scheme is at another version than the command expects (read it again)
     */
    TierScheme reviseTiers(ReviseTiers command);

    /**
     * The programme's tiers.
     *
     * @throws NotFoundException when the programme has none
     */
    TierScheme tiers(String programme);

    /**
     * The tier a member holds, with its benefits; a member who never reached one holds none.
     *
     * @throws NotFoundException when the tenant has no such membership
     */
    MemberTier memberTier(UUID membershipId);

    /**
     * The member's tier history, oldest first: up to the {@code limit} newest changes.
     *
     * @throws NotFoundException when the tenant has no such membership
     * @throws ValidationException ({@code limit}) when it is not 1 to 1,000
     */
    List<TierChange> tierHistory(UUID membershipId, int limit);
}
