package dev.crmkit.spi.loyalty;

/**
 * The sums of a membership's ledger entries per currency, as the storage computes them.
 *
 * @param qualifyingPoints the sum of the entries' qualifying points
 * @param redeemablePoints the sum of the entries' redeemable points
 * @param entries how many entries were summed
 */
public record LedgerSums(long qualifyingPoints, long redeemablePoints, long entries) {
}
