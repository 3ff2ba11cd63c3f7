package dev.crmkit.core.loyalty;

import java.util.UUID;

/**
 * A membership's balances, each the sum of its ledger entries of the kinds that make it up: what is available to
 * spend (every kind but pending and clawback; the membership caches it), what is pending until return windows pass
 * ({@link dev.crmkit.model.loyalty.LedgerEntryKind#PENDING}), and what the member owes because returns took back
 * points already spent ({@link dev.crmkit.model.loyalty.LedgerEntryKind#CLAWBACK}). None is ever negative.
 *
 * @param membershipId the membership
 * @param qualifyingAvailable the qualifying points available
 * @param redeemableAvailable the redeemable points available
 * @param qualifyingPending the qualifying points pending
 * @param redeemablePending the redeemable points pending
 * @param qualifyingOwed the qualifying points owed
 * @param redeemableOwed the redeemable points owed
 */
public record PointsBalances(UUID membershipId, long qualifyingAvailable, long redeemableAvailable,
        long qualifyingPending, long redeemablePending, long qualifyingOwed, long redeemableOwed) {
}
