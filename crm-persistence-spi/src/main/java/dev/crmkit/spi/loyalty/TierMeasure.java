package dev.crmkit.spi.loyalty;

/**
 * What a membership's ledger holds after a moment, as the storage computes it: what tiers are earned by.
 *
 * @param qualifyingPoints the sum of the qualifying points of the entries posted after it (may be negative when
 *     adjustments or reversals outweigh the accruals)
 * @param accruals how many {@link dev.crmkit.model.loyalty.LedgerEntryKind#ACCRUAL} entries were posted after it
 */
public record TierMeasure(long qualifyingPoints, long accruals) {
}
