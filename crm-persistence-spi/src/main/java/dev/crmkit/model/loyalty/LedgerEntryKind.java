package dev.crmkit.model.loyalty;

/** What a ledger entry records. Entries are never changed or removed; a correction is a further entry. */
public enum LedgerEntryKind {
    /** Points earned (a purchase, an activity). */
    ACCRUAL,
    /** Points spent on a reward. */
    REDEMPTION,
    /** Points that lapsed. */
    EXPIRY,
    /** A manual correction, either way. */
    ADJUSTMENT,
    /** Points taken back because what earned them was undone (a return). */
    REVERSAL,
    /**
     * Points a purchase earned that are held until its return window passes: a positive entry when they are earned,
     * a negative one when they post (beside the {@link #ACCRUAL} that makes them available) or a return cancels them.
     * These entries add up to the membership's pending balances, not to its available ones.
     */
    PENDING,
    /**
     * Points a member owes because a return took back more than was available: a positive entry records the shortfall,
     * a negative one what a later purchase accrual paid off before its points became available. These entries add up
     * to what the membership owes, not to its available balances.
     */
    CLAWBACK;

    /** Whether entries of this kind change the available balances the membership caches. */
    public boolean changesAvailable() {
        return this != PENDING && this != CLAWBACK;
    }
}
