package dev.crmkit.core.loyalty;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;

/**
 * A tenant's stored rewards catalogue: the rewards members redeem their points for
 * ({@link LoyaltyService#redeem}), with their cost, validity window and optional stock. Get it from a tenant handle:
 * {@code crm.tenant("acme").service(RewardService.class)}. It is the default
 * {@link dev.crmkit.core.port.RewardCatalogue} of the {@link LoyaltyModule}; a host that registers its own catalogue
 * redeems from that one instead, and this catalogue is then not asked. Each method is one unit of work; a rejected
 * call changes nothing.
 */
public interface RewardService {
    /**
     * Offers a reward at version 1, with a {@link RewardOffered} event. Offering it again on the same terms (a retry)
     * returns the reward there is and records nothing.
     *
     * @throws ConflictException (not retryable) when the code names a reward on other terms
     */
    Reward offer(OfferReward command);

    /**
     * Replaces a reward's terms at its next version, with a {@link RewardRevised} event; a revision to the terms it
     * has (a retry) records nothing.
     *
     * @throws NotFoundException when the tenant has no reward with the code
     * @throws ConflictException when the reward is at another version than the command expects (it was revised, or
     *     redeemed from its stock, since it was read: read it again)
     */
    Reward revise(ReviseReward command);

    /**
     * The reward with this code, whatever its window and stock.
     *
     * @throws NotFoundException when the tenant has none
     */
    Reward reward(String code);

    /** One page of the catalogue, whatever the rewards' windows and stock, by code. */
    Page<Reward> rewards(PageRequest page);
}
