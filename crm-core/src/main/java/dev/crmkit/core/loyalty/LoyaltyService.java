package dev.crmkit.core.loyalty;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.NotPermittedException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import java.util.UUID;

/**
 * A tenant's loyalty programme members and their points ledgers. Get it from a tenant handle:
 * {@code crm.tenant("acme").service(LoyaltyService.class)}. Each method is one unit of work; a rejected call changes
 * nothing. Every change of a balance appends one ledger entry in the same unit, so a membership's balances always
 * equal the sums of its ledger, and no balance ever goes below zero.
 */
public interface LoyaltyService {
    /** The kind of due work that posts a purchase's pending points when its return window passed. */
    String PENDING_POINTS_DUE = "loyalty.pending-points";

    /**
     * The kind of due work that lets a lot of points expire under a fixed expiry policy ({@link ExpiryPolicy#fixed}),
     * keyed by the lot's ledger entry, due the policy's months after it was posted.
     */
    String LOT_EXPIRY_DUE = "loyalty.lot-expiry";

    /**
     * The kind of due work that lets a member's points expire after the months of an activity-based policy
     * ({@link ExpiryPolicy#afterInactivity}) without activity, keyed by the membership, moved on by each activity.
     */
    String INACTIVITY_EXPIRY_DUE = "loyalty.inactivity-expiry";

    /**
     * The membership's balances, each the sum of its ledger: available, pending until return windows pass, and owed
     * because returns took back points already spent.
     *
     * @throws NotFoundException when the tenant has no such membership
     */
    PointsBalances balances(UUID membershipId);

    /**
     * Enrols a customer in a programme as an active member with a new member number, with a {@link MemberEnrolled}
     * event; a customer enrolled already gets the membership there is, and nothing is recorded.
     *
     * @throws ValidationException ({@code customerId}) when the tenant has no such customer
     */
    Membership enrol(EnrolMember command);

    /**
     * The membership with this id.
     *
     * @throws NotFoundException when the tenant has none
     */
    Membership membership(UUID membershipId);

    /**
     * The membership with this member number.
     *
     * @throws NotFoundException when the tenant has none
     */
    Membership membershipByNumber(String memberNumber);

    /**
     * The customer's membership in the programme; a merged customer's id reads the survivor's.
     *
     * @throws NotFoundException when the customer is no member of the programme, or the tenant has no such customer
     */
    Membership membershipOf(UUID customerId, String programme);

    /**
     * Suspends an active membership.
     *
     * @throws NotFoundException when the tenant has no such membership
     * @throws IllegalTransitionException when it is not active
     */
    Membership suspend(UUID membershipId);

    /**
     * Reactivates a suspended membership.
     *
     * @throws NotFoundException when the tenant has no such membership
     * @throws IllegalTransitionException when it is not suspended
     */
    Membership reactivate(UUID membershipId);

    /**
     * Closes a membership for good.
     *
     * @throws NotFoundException when the tenant has no such membership
     * @throws IllegalTransitionException when it is closed already
     */
    Membership close(UUID membershipId);

    /**
     * Posts points: appends one ledger entry and changes the cached balances by the same amounts, with a
     * {@link PointsPosted} event. Idempotent by the command's key: a retry returns the entry posted first and records
     * nothing.
     *
     * @throws NotFoundException when the tenant has no such membership
     * @throws NotPermittedException when the membership is closed, or suspended and the posting is no adjustment
     * @throws ValidationException ({@code qualifyingPoints}, {@code redeemablePoints}) when a balance would go below
     *     zero
     * @throws ConflictException when the key was used before for another posting
     */
    LedgerEntry post(PostPoints command);

    /**
     * Redeems a reward: spends its cost in redeemable points (the rewards catalogue, the stored one of
     * {@link RewardService} unless the host registered its own {@link dev.crmkit.core.port.RewardCatalogue}, says what
     * it costs and whether it is offered now; a stored reward with a stock gives up the quantity redeemed in the same
     * unit, never more than is left, with a {@link RewardRedeemed} event) by a {@link dev.crmkit.model.loyalty.LedgerEntryKind#REDEMPTION} entry sourced {@code reward},
     * with a {@link PointsPosted} event. The balance check and the posting are one change over the membership's
     * version, so concurrent redemptions on any number of nodes never spend a point twice nor take the balance below
     * zero: a redemption that lost the race is checked again against the balance the winner left. Idempotent by the
     * command's key: a retry returns the entry posted first and records nothing, even if the reward's price changed.
     *
     * @throws NotFoundException when the tenant has no such membership
     * @throws NotPermittedException when the membership is not active
     * @throws ValidationException ({@code rewardCode}) when the catalogue does not offer the reward;
     *     ({@code redeemablePoints}) when the member has fewer points than it costs; ({@code stock}) when the stored
     *     reward has fewer left than the quantity
     * @throws ConflictException when the key was used before for another posting, or (retryable) when concurrent
     *     changes of the membership won three times over
     */
    LedgerEntry redeem(RedeemReward command);

    /**
     * One page of the membership's ledger, newest first.
     *
     * @throws NotFoundException when the tenant has no such membership
     */
    Page<LedgerEntry> ledger(UUID membershipId, PageRequest page);

    /**
     * Defines a programme with its accrual rules at version 1, with a {@link ProgrammeDefined} event. Defining it
     * again with the same rules (a retry) returns the programme there is and records nothing.
     *
     * @throws ConflictException (not retryable) when the code names a programme with other rules
     */
    Programme defineProgramme(DefineProgramme command);

    /**
     * Replaces a programme's rules whole at its next version, with a {@link ProgrammeRevised} event; what members
     * earned before stays as it was posted. A revision to the rules the programme has already (a retry) returns it as
     * it is and records nothing.
     *
     * @throws NotFoundException when the tenant has no programme with the code
     * @throws ConflictException when the programme is at another version than the command expects (someone revised
     *     it since it was read: read it again)
     */
    Programme reviseProgramme(ReviseProgramme command);

    /**
     * The programme with this code.
     *
     * @throws NotFoundException when the tenant has none
     */
    Programme programme(String code);

    /**
     * Awards a member what their programme gives for an activity: an {@link dev.crmkit.model.loyalty.LedgerEntryKind#ACCRUAL}
     * entry sourced {@code activity.<code>} and the command's reference, with a {@link PointsPosted} event.
     * Idempotent by the command's key: a retry returns the entry posted first and records nothing, even if the
     * programme's award changed since.
     *
     * @throws NotFoundException when the tenant has no such membership
     * @throws NotPermittedException when the membership is not active
     * @throws ValidationException ({@code activity}) when the membership's programme is not defined or awards nothing
     *     for the activity
     * @throws ConflictException when the key was used before for another posting
     */
    LedgerEntry award(AwardActivity command);

    /**
     * What an order earns under a programme's current rules, line by line, with what each rule added: the base rate on
     * the line's amount, then the multipliers of its category, the order's channel, and each promotion open when the
     * order was bought, and the tier bonus of the tier the buyer holds in the programme (see {@link TierService}), one
     * after the other, each rounded down (see {@link ProgrammeRules}). Reads only; nothing is posted.
     *
     * @throws NotFoundException when the tenant has no such order or no programme with the code
     */
    PurchasePoints pointsFor(UUID purchaseId, String programme);
}
