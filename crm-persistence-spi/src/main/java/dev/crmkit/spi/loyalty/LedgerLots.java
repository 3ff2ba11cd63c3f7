package dev.crmkit.spi.loyalty;

/**
 * A membership's redeemable points as lots, oldest first, as the storage computes them for expiry: what the lots up to
 * one entry added, and what every spending took. Spending takes the oldest lots first, so what is left of those lots
 * is {@link #remaining()}.
 *
 * @param credited the redeemable points of the membership's entries, up to and including the named one, that added
 *     redeemable points (each such entry is a lot)
 * @param debited the redeemable points all of the membership's entries that took redeemable points took, as a
 *     positive number
 */
public record LedgerLots(long credited, long debited) {
    /** What is left of the lots: their points less what was spent, never below zero. */
    public long remaining() {
        return Math.max(0, credited - debited);
    }
}
