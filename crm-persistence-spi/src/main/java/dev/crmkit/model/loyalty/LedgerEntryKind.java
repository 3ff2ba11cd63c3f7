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
    REVERSAL
}
