package dev.crmkit.spi.loyalty;

/**
 * What a posting under an idempotency key reads before it writes anything ({@link LoyaltyStorage#postingLookup}):
 * the entry a first try stored under the key, if any, and otherwise the membership the posting goes to.
 *
 * <ul>
 *   <li>{@code stored}: the ledger entry stored under the key, as {@link LedgerStore#findByIdempotencyKey} reads it;
 *       null when the key is unused.</li>
 *   <li>{@code target}: the posting target, as {@link LoyaltyStorage#postingTarget} reads it; null when the tenant has
 *       no such membership, and may be null when {@code stored} is given (a retry needs no target).</li>
 * </ul>
 */
public record PostingLookup(LedgerEntryRecord stored, PostingTarget target) {
}
