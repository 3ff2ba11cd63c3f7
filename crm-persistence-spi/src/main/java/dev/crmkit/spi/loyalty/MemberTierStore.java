package dev.crmkit.spi.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tiers members hold, their append-only tier history, and the ledger measures tiers are earned by. Scoped by
 * tenant in every call. A member's tier changes only by compare-and-set on its version, so two evaluations of one
 * member that read the same tier cannot both store a change.
 */
public interface MemberTierStore {
    /**
     * Stores a member's first tier record at version 1, whatever version it carries.
     *
     * @throws dev.crmkit.model.DuplicateException ({@code id}) when the membership has one already; nothing is stored
     */
    MemberTierRecord insert(MemberTierRecord tier);

    /**
     * Stores the tier, {@code since}, {@code reviewAt} and {@code updatedAt} at version {@code expectedVersion + 1};
     * the programme and {@code createdAt} stay as stored. Returns the stored record.
     *
     * @throws dev.crmkit.model.ConflictException (retryable) when the stored version is not {@code expectedVersion};
     *     nothing changes
     * @throws dev.crmkit.model.NotFoundException when the tenant has no tier record for the membership
     */
    MemberTierRecord update(MemberTierRecord tier, long expectedVersion);

    /** The membership's tier record, or empty when it never had one. */
    Optional<MemberTierRecord> get(String tenantId, UUID membershipId);

    /**
     * Appends a change to the membership's tier history; nothing ever updates or deletes one.
     *
     * @throws dev.crmkit.model.DuplicateException ({@code id}) when the tenant has a change with the id
     */
    TierChangeRecord append(TierChangeRecord change);

    /** The membership's tier history, oldest first (by id, which is time-ordered), at most {@code limit} newest. */
    List<TierChangeRecord> history(String tenantId, UUID membershipId, int limit);

    /**
     * What the membership's ledger holds after {@code after} (exclusive): the sum of the qualifying points of the
     * entries posted later than that moment, and how many of those are accruals. Computed by the storage over the
     * ledger ({@link LedgerStore}); a membership without such entries measures zero.
     */
    TierMeasure measure(String tenantId, UUID membershipId, Instant after);
}
