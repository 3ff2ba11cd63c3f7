package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.Ids;
import java.util.Optional;
import java.util.UUID;

/**
 * The points ledgers of memberships, scoped by tenant in every call: append-only, so there is no update and no
 * delete. The core appends an entry and updates the membership's cached balances in the same unit.
 */
public interface LedgerStore {
    /**
     * Appends an entry.
     *
     * @throws DuplicateException with {@code key() = "id"} when the id exists in the tenant, or
     *     {@code key() = "idempotencyKey"} when the key does; nothing is stored
     */
    LedgerEntryRecord append(LedgerEntryRecord entry);

    /** The entry stored with this idempotency key in this tenant; keys compare exactly. */
    Optional<LedgerEntryRecord> findByIdempotencyKey(String tenantId, String idempotencyKey);

    /**
     * One page of a membership's entries, newest first: by id descending in {@link dev.crmkit.spi.Ids#ORDER} (the
     * core's ids are time-ordered). Keyset paging neither skips nor repeats entries while others are appended.
     */
    Page<LedgerEntryRecord> entries(String tenantId, UUID membershipId, PageRequest page);

    /**
     * The sums of the membership's entries that change its available balances (every kind but
     * {@link LedgerEntryKind#PENDING} and {@link LedgerEntryKind#CLAWBACK}), computed by the storage; zeros for a
     * membership without such entries.
     */
    LedgerSums sums(String tenantId, UUID membershipId);

    /**
     * The sums of the membership's entries of one kind, computed by the storage; zeros for a membership without
     * entries of the kind. The pending balances are the sums of {@link LedgerEntryKind#PENDING}, what the member owes
     * the sums of {@link LedgerEntryKind#CLAWBACK}.
     */
    LedgerSums sums(String tenantId, UUID membershipId, LedgerEntryKind kind);

    /**
     * The membership's lots up to and including the entry {@code throughId} (in {@link dev.crmkit.spi.Ids#ORDER}, so
     * oldest first with the core's time-ordered ids), computed over the entries that change the available balances
     * (every kind but {@link LedgerEntryKind#PENDING} and {@link LedgerEntryKind#CLAWBACK}): {@code credited} sums
     * the positive redeemable points of those entries up to {@code throughId}, {@code debited} the negative ones of
     * all of them, negated. Zeros for a membership without such entries; {@code throughId} need not name an entry.
     *
     * <p>The default pages through {@link #entries}; an adapter that can sum in the database overrides it.
     */
    default LedgerLots lots(String tenantId, UUID membershipId, UUID throughId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        Checks.id("throughId", throughId);
        long credited = 0;
        long debited = 0;
        Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_LIMIT));
        while (page.isPresent()) {
            PageRequest request = page.get();
            Page<LedgerEntryRecord> entries = entries(tenantId, membershipId, request);
            for (LedgerEntryRecord e : entries.items()) {
                if (e.kind() == LedgerEntryKind.PENDING || e.kind() == LedgerEntryKind.CLAWBACK) {
                    continue;
                }
                if (e.redeemablePoints() < 0) {
                    debited -= e.redeemablePoints();
                } else if (Ids.ORDER.compare(e.id(), throughId) <= 0) {
                    credited += e.redeemablePoints();
                }
            }
            page = entries.next().map(request::next);
        }
        return new LedgerLots(credited, debited);
    }
}
