package dev.crmkit.spi.loyalty;

import dev.crmkit.spi.StorageCapability;
import java.util.Optional;
import java.util.UUID;

/**
 * The storage capability of the loyalty domain: the purchases customers made and returned, the programmes with their
 * accrual rules, programme memberships and their points ledgers, the programmes' tiers and the tiers members hold, and
 * the stored rewards catalogue.
 */
public interface LoyaltyStorage extends StorageCapability {
    /** Orders with their lines and the returns against them. */
    PurchaseStore purchases();

    /** Memberships with their cached balances. */
    MembershipStore memberships();

    /** The append-only points ledgers. */
    LedgerStore ledger();

    /** The programmes with their accrual rules. */
    ProgrammeStore programmes();

    /** What each purchase earned each member, pending until its return window passes. */
    AccrualStore accruals();
    /** The programmes' tier schemes. */
    TierSchemeStore tierSchemes();

    /** The tiers members hold, their tier history and the ledger measures tiers are earned by. */
    MemberTierStore memberTiers();

    /** The stored rewards catalogue. */
    RewardStore rewards();

    /** Statements, liability and breakage, computed from the ledgers by the storage. */
    LedgerReportStore ledgerReports();

    /**
     * The membership with this id in this tenant, with its programme's expiry policy and the stamp of its tier scheme,
     * as {@link MembershipStore#get}, {@link ProgrammeStore#findExpiry} and {@link TierSchemeStore#findByProgramme}
     * would read them in the same unit; empty when the tenant has no such membership. Every posting asks for all
     * three, so a storage may read them in one statement; the default reads them one after the other.
     */
    default Optional<PostingTarget> postingTarget(String tenantId, UUID membershipId) {
        return memberships().get(tenantId, membershipId).map(m -> new PostingTarget(m,
                programmes().findExpiry(tenantId, m.programme()).orElse(null),
                tierSchemes().findByProgramme(tenantId, m.programme()).map(TierSchemeStamp::of).orElse(null)));
    }

    /**
     * The entry stored under {@code idempotencyKey} in this tenant and, when there is none, the posting target of the
     * membership with this id (see {@link PostingLookup}), as {@link LedgerStore#findByIdempotencyKey} and
     * {@link #postingTarget} would read them in the same unit: what a posting reads before it writes anything, so that
     * a retried posting answers with its first entry. A storage may read both in one statement; the default looks the
     * key up and then, when it is unused, reads the target.
     */
    default PostingLookup postingLookup(String tenantId, UUID membershipId, String idempotencyKey) {
        Optional<LedgerEntryRecord> stored = ledger().findByIdempotencyKey(tenantId, idempotencyKey);
        if (stored.isPresent()) {
            return new PostingLookup(stored.get(), null);
        }
        return new PostingLookup(null, postingTarget(tenantId, membershipId).orElse(null));
    }

    /**
     * Stores a posting: appends {@code entry} to the ledger as {@link LedgerStore#append} does and stores the
     * membership's status, balances and {@code updatedAt} at version {@code expectedVersion + 1} as
     * {@link MembershipStore#update} does, without reading the membership back. The record must be the membership as
     * this storage holds it at {@code expectedVersion} but for those (its customer, programme, number and
     * {@code createdAt} as stored): the stored membership is then the record at {@code expectedVersion + 1}.
     *
     * <p>A storage that can make both one write overrides this, so that a failed append never leaves the membership
     * raised without its entry (CRMKit's adapters do). The default updates the membership and then appends, each all
     * or nothing on its own. Inside a unit the adapter began itself (not a host's transaction), a posting that fails
     * after it wrote something may end the unit instead of leaving it usable (see
     * {@link dev.crmkit.spi.TransactionRunner}): every later call in it fails and nothing of it commits; the JDBC
     * adapter does so to save a savepoint's two round trips per posting. A stale version or a missing membership
     * always leaves the unit usable. In a host's transaction a failed posting stores nothing and the unit goes on.
     *
     * @throws dev.crmkit.model.ConflictException (retryable) when the stored version is not {@code expectedVersion};
     *     nothing is stored
     * @throws dev.crmkit.model.NotFoundException when the tenant has no such membership; nothing is stored
     * @throws dev.crmkit.model.DuplicateException as {@link LedgerStore#append} throws it; the entry is not appended
     */
    default void post(MembershipRecord membership, long expectedVersion, LedgerEntryRecord entry) {
        memberships().update(membership, expectedVersion);
        ledger().append(entry);
    }
}
