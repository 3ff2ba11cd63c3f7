package dev.crmkit.core.loyalty;

import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotPermittedException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.ExpiryKind;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.MembershipRecord;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A membership's rules, top to bottom:
 *
 * <pre>
 *   enrol --> ACTIVE <--reactivate-- SUSPENDED
 *               |  \---suspend--------^   |
 *               +--close--> CLOSED <--close--+
 * </pre>
 *
 * <p>Its balances are a cache of its ledger: every behaviour that changes one appends exactly one entry with the same
 * change, so the cached balance always equals the sum of the entries. A balance never goes below zero: a posting
 * that would take it there is refused and changes nothing. An active membership earns and spends; a suspended one
 * takes adjustments only; a closed one takes nothing.
 */
final class MembershipAggregate {
    /** The moves a membership may make; the only place they are written. */
    private static final Map<MembershipStatus, Set<MembershipStatus>> NEXT = new EnumMap<>(Map.of(
            MembershipStatus.ACTIVE, EnumSet.of(MembershipStatus.SUSPENDED, MembershipStatus.CLOSED),
            MembershipStatus.SUSPENDED, EnumSet.of(MembershipStatus.ACTIVE, MembershipStatus.CLOSED),
            MembershipStatus.CLOSED, EnumSet.noneOf(MembershipStatus.class)));

    /** The source type of a redemption's entry. */
    static final String REWARD = "reward";

    private final MembershipRecord record;

    MembershipAggregate(MembershipRecord record) {
        this.record = Objects.requireNonNull(record, "record");
    }

    /** A new, active membership with empty balances. */
    static MembershipChange enrol(String tenantId, UUID id, UUID customerId, String programme, String memberNumber,
            Instant now) {
        MembershipRecord fresh = new MembershipRecord(tenantId, id, 1, now, now, programme, customerId, memberNumber,
                MembershipStatus.ACTIVE, 0, 0);
        return new MembershipChange(null, fresh, null,
                List.of(new MemberEnrolled(tenantId, id, customerId, programme, now)));
    }

    /** Holds the membership: it earns and spends nothing until reactivated. */
    MembershipChange suspend(Instant now) {
        return move(MembershipStatus.SUSPENDED, now);
    }

    /** Lets a suspended membership earn and spend again. */
    MembershipChange reactivate(Instant now) {
        return move(MembershipStatus.ACTIVE, now);
    }

    /** Ends the membership for good; its balances stay as they are. */
    MembershipChange close(Instant now) {
        return move(MembershipStatus.CLOSED, now);
    }

    private MembershipChange move(MembershipStatus to, Instant now) {
        MembershipStatus from = record.status();
        if (!NEXT.get(from).contains(to)) {
            throw new IllegalTransitionException("membership", from, to);
        }
        MembershipRecord after = with(record.customerId(), to, record.qualifyingPoints(), record.redeemablePoints(),
                now);
        return new MembershipChange(record, after, null, List.of(new MembershipStatusChanged(record.tenantId(),
                record.id(), record.customerId(), from, to, now)));
    }

    /**
     * Appends an entry of {@code kind} changing the balances by the given points, and keeps the cache equal.
     *
     * @throws NotPermittedException when the membership is closed, or suspended and the kind is not an adjustment
     * @throws ValidationException ({@code qualifyingPoints}, {@code redeemablePoints}) when a balance would go below
     *     zero
     */
    MembershipChange post(UUID entryId, LedgerEntryKind kind, long qualifying, long redeemable, String sourceType,
            String sourceReference, String idempotencyKey, Instant now) {
        if (record.status() == MembershipStatus.CLOSED
                || record.status() == MembershipStatus.SUSPENDED && kind != LedgerEntryKind.ADJUSTMENT) {
            throw new NotPermittedException("membership " + record.id() + " is " + record.status()
                    + ": it takes no " + kind + " entry");
        }
        long qualifyingAfter = balance("qualifyingPoints", record.qualifyingPoints(), qualifying);
        long redeemableAfter = balance("redeemablePoints", record.redeemablePoints(), redeemable);
        LedgerEntryRecord entry = new LedgerEntryRecord(record.tenantId(), entryId, record.id(), kind, qualifying,
                redeemable, sourceType, sourceReference, idempotencyKey, now);
        MembershipRecord after = with(record.customerId(), record.status(), qualifyingAfter, redeemableAfter, now);
        return new MembershipChange(record, after, entry, List.of(new PointsPosted(record.tenantId(), record.id(),
                record.customerId(), entryId, kind, qualifying, redeemable, qualifyingAfter, redeemableAfter,
                sourceType, sourceReference, now)));
    }

    /**
     * Spends {@code points} redeemable points on a reward: a {@link LedgerEntryKind#REDEMPTION} entry, sourced
     * {@code reward} and {@code reference} (the reward's code and quantity).
     *
     * @throws NotPermittedException when the membership is not active
     * @throws ValidationException ({@code redeemablePoints}) when the member has fewer points than it costs; the
     *     balance never goes below zero
     */
    MembershipChange redeem(UUID entryId, String reference, long points, String idempotencyKey, Instant now) {
        if (record.status() == MembershipStatus.ACTIVE && points > record.redeemablePoints()) {
            throw new ValidationException("redeemablePoints", "are " + record.redeemablePoints()
                    + ", fewer than the " + points + " the reward costs");
        }
        return post(entryId, LedgerEntryKind.REDEMPTION, 0, -points, REWARD, reference, idempotencyKey, now);
    }

    /** The source type of an expiry's entry. */
    static final String EXPIRY = "expiry";

    /**
     * Lets {@code points} redeemable points expire (at most the balance): an {@link LedgerEntryKind#EXPIRY} entry of
     * minus the points, sourced {@code expiry} and the entry whose expiry it is ({@code lotEntryId}), whatever the
     * status but closed (time passes for a suspended member too; a closed membership keeps its balances as they are).
     * Qualifying points never expire.
     *
     * @return the change (its event is {@link #expired}), or null when nothing expires: no points, or a closed
     *     membership
     */
    MembershipChange expire(UUID entryId, UUID lotEntryId, long points, String idempotencyKey, Instant now) {
        long expiring = Math.min(points, record.redeemablePoints());
        if (expiring <= 0 || record.status() == MembershipStatus.CLOSED) {
            return null;
        }
        long redeemableAfter = record.redeemablePoints() - expiring;
        LedgerEntryRecord entry = new LedgerEntryRecord(record.tenantId(), entryId, record.id(),
                LedgerEntryKind.EXPIRY, 0, -expiring, EXPIRY, lotEntryId.toString(), idempotencyKey, now);
        MembershipRecord after = with(record.customerId(), record.status(), record.qualifyingPoints(),
                redeemableAfter, now);
        return new MembershipChange(record, after, entry, List.of());
    }

    /** What {@link #expire} recorded, as its event. */
    static PointsExpired expired(MembershipChange change, UUID lotEntryId, ExpiryKind policy) {
        MembershipRecord after = change.after();
        return new PointsExpired(after.tenantId(), after.id(), after.customerId(), change.entry().id(), lotEntryId,
                policy, -change.entry().redeemablePoints(), after.redeemablePoints(), change.entry().postedAt());
    }

    /** Whether the stored entry is the accrual from {@code sourceType} and {@code reference} a retry asks for. */
    static boolean isAccrual(LedgerEntryRecord entry, UUID membershipId, String sourceType, String reference) {
        return entry.membershipId().equals(membershipId) && entry.kind() == LedgerEntryKind.ACCRUAL
                && sourceType.equals(entry.sourceType()) && Objects.equals(reference, entry.sourceReference());
    }

    /** Whether the stored entry is the redemption under {@code reference} a retried redemption asks for. */
    static boolean isRedemption(LedgerEntryRecord entry, UUID membershipId, String reference) {
        return entry.membershipId().equals(membershipId) && entry.kind() == LedgerEntryKind.REDEMPTION
                && REWARD.equals(entry.sourceType()) && reference.equals(entry.sourceReference());
    }

    /**
     * Moves points out of or into this membership for a customer merge: an adjustment whatever the status, since a
     * merge must neither lose nor double points, sourced {@code customer.merge}.
     */
    MembershipChange transfer(UUID entryId, long qualifying, long redeemable, String otherMembership,
            String idempotencyKey, Instant now) {
        long qualifyingAfter = balance("qualifyingPoints", record.qualifyingPoints(), qualifying);
        long redeemableAfter = balance("redeemablePoints", record.redeemablePoints(), redeemable);
        LedgerEntryRecord entry = new LedgerEntryRecord(record.tenantId(), entryId, record.id(),
                LedgerEntryKind.ADJUSTMENT, qualifying, redeemable, "customer.merge", otherMembership, idempotencyKey,
                now);
        MembershipRecord after = with(record.customerId(), record.status(), qualifyingAfter, redeemableAfter, now);
        return new MembershipChange(record, after, entry, List.of(new PointsPosted(record.tenantId(), record.id(),
                record.customerId(), entryId, LedgerEntryKind.ADJUSTMENT, qualifying, redeemable, qualifyingAfter,
                redeemableAfter, "customer.merge", otherMembership, now)));
    }

    private static long balance(String field, long current, long change) {
        long after;
        try {
            after = Math.addExact(current, change);
        } catch (ArithmeticException e) {
            throw new ValidationException(field, "would overflow the balance");
        }
        if (after < 0) {
            throw new ValidationException(field, "would take the balance of " + current + " below zero");
        }
        return after;
    }

    /** Whether the stored entry is the one {@code command} asks for, for a retried posting under its key. */
    static boolean isPostedBy(LedgerEntryRecord entry, PostPoints command) {
        return entry.membershipId().equals(command.membershipId()) && entry.kind() == command.kind()
                && entry.qualifyingPoints() == command.qualifyingPoints()
                && entry.redeemablePoints() == command.redeemablePoints()
                && entry.sourceType().equals(command.sourceType())
                && Objects.equals(entry.sourceReference(), command.sourceReference());
    }

    private MembershipRecord with(UUID customerId, MembershipStatus status, long qualifying, long redeemable,
            Instant now) {
        return new MembershipRecord(record.tenantId(), record.id(), record.version(), record.createdAt(), now,
                record.programme(), customerId, record.memberNumber(), status, qualifying, redeemable);
    }
}
