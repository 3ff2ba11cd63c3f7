package dev.crmkit.core.loyalty;

import dev.crmkit.model.loyalty.AccrualStatus;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.spi.loyalty.AccrualLineRecord;
import dev.crmkit.spi.loyalty.AccrualRecord;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.loyalty.MembershipRecord;
import dev.crmkit.spi.loyalty.PurchaseRecord;
import dev.crmkit.spi.loyalty.PurchaseReturnRecord;
import dev.crmkit.spi.loyalty.ReturnLineRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The points one purchase earned one member, top to bottom:
 *
 * <pre>
 *   earn --window open--> PENDING --window passed--> POSTED
 *     |                      |
 *     |                      +--returns took back everything, the membership closed, or a merge moved
 *     |                      |  its points to a new accrual of the survivor's membership-------> CANCELLED
 *     +--window passed already-----------------------------------------------------------> POSTED
 * </pre>
 *
 * <p>The points stay pending (a {@link LedgerEntryKind#PENDING} entry, not redeemable) until the programme's return
 * window after the purchase passes; then what is left of them posts: the pending entry is released, what the member
 * owes from earlier returns is paid off first ({@link LedgerEntryKind#CLAWBACK}), and the rest becomes available
 * ({@link LedgerEntryKind#ACCRUAL}).
 *
 * <p>A return takes back what its lines earned: a line's share for the units that came back, rounded half-even, and
 * the last units of a line take what is left of its points, so a line returned in parts gives back exactly what it
 * earned (like the refund arithmetic of {@link PurchaseAggregate}). While the points are pending the share is
 * cancelled from the pending balance; once they posted it is reversed from the available balance, and where the
 * member has spent them already only what is available is reversed and the shortfall is recorded as owed: no balance
 * ever goes below zero. Every behaviour moves the membership's version on, so it serializes with every other change
 * of the member's points, and appends only entries with keys derived from the accrual and the return, so a second
 * run of the same step is refused by the ledger.
 */
final class AccrualAggregate {
    /** The source type of a purchase's entries. */
    static final String PURCHASE = "purchase";
    /** The source type of a return's entries. */
    static final String RETURN = "purchase.return";

    private final AccrualRecord record;

    AccrualAggregate(AccrualRecord record) {
        this.record = Objects.requireNonNull(record, "record");
    }

    /**
     * What {@code order} earns {@code member} by {@code points} (per line, under the programme's rules): pending until
     * {@code returnWindowDays} after the purchase, or available at once when that has passed already, paying off what
     * the member owes ({@code owed}) first. Null when no line earned a point.
     */
    static AccrualChange earn(UUID accrualId, MembershipRecord member, PurchaseRecord order, List<LinePoints> points,
            int returnWindowDays, LedgerSums owed, Supplier<UUID> ids, Instant now) {
        List<AccrualLineRecord> lines = points.stream()
                .filter(l -> l.qualifyingPoints() > 0 || l.redeemablePoints() > 0)
                .map(l -> new AccrualLineRecord(l.lineNumber(), l.qualifyingPoints(), l.redeemablePoints())).toList();
        if (lines.isEmpty()) {
            return null;
        }
        Instant availableAt = order.purchasedAt().plus(Duration.ofDays(returnWindowDays));
        boolean pending = availableAt.isAfter(now);
        AccrualRecord fresh = new AccrualRecord(member.tenantId(), accrualId, 1, now, now, member.id(), order.id(),
                pending ? AccrualStatus.PENDING : AccrualStatus.POSTED, availableAt, lines);
        Ledger ledger = new Ledger(member, ids, now);
        if (!pending) {
            AccrualEvent posted = ledger.makeAvailable(fresh, fresh.qualifyingPoints(), fresh.redeemablePoints(),
                    owed);
            return new AccrualChange(null, fresh, member, ledger.member, ledger.entries, List.of(posted), null,
                    false);
        }
        ledger.append(LedgerEntryKind.PENDING, fresh.qualifyingPoints(), fresh.redeemablePoints(), PURCHASE,
                order.id(), "pending:" + accrualId);
        return new AccrualChange(null, fresh, member, ledger.member, ledger.entries, List.of(new PointsPending(
                member.tenantId(), member.id(), member.customerId(), accrualId, order.id(), fresh.qualifyingPoints(),
                fresh.redeemablePoints(), availableAt, now)), availableAt, false);
    }

    /**
     * The return window passed: what is left of the pending points (after the returns {@code order} holds) posts,
     * paying off what the member owes first. A closed membership takes nothing: its pending points lapse and the
     * accrual is cancelled. Null when the accrual is not pending (a second run of the due work).
     */
    AccrualChange post(MembershipRecord member, PurchaseRecord order, LedgerSums owed, Supplier<UUID> ids,
            Instant now) {
        if (record.status() != AccrualStatus.PENDING) {
            return null;
        }
        Shares shares = Shares.of(record, order);
        Ledger ledger = new Ledger(member, ids, now);
        ledger.append(LedgerEntryKind.PENDING, -shares.qualifyingLeft, -shares.redeemableLeft, PURCHASE, order.id(),
                "released:" + record.id());
        if (member.status() == MembershipStatus.CLOSED) {
            return change(AccrualStatus.CANCELLED, ledger, new PurchasePointsReversed(member.tenantId(), member.id(),
                    member.customerId(), record.id(), record.purchaseId(), null, shares.qualifyingLeft,
                    shares.redeemableLeft, 0, 0, 0, 0, member.qualifyingPoints(), member.redeemablePoints(), now),
                    false);
        }
        return change(AccrualStatus.POSTED, ledger,
                ledger.makeAvailable(record, shares.qualifyingLeft, shares.redeemableLeft, owed), false);
    }

    /**
     * Moves what is left of the pending points (after the returns {@code order} holds) from {@code from}, a membership
     * a customer merge closes, to {@code into}, the survivor's membership in the programme: this accrual is cancelled
     * (its pending entry released, key {@code moved-out:<accrual>}) and a new one, {@code movedId}, holds the points on
     * {@code into} with the same lines and due time (key {@code pending:<moved>}), so later returns and the posting
     * find it there. Nothing is lost or counted twice: both pending balances still add up to their ledgers.
     *
     * @return the change of this accrual and then the new one's, or an empty list when the accrual is not pending
     */
    List<AccrualChange> moveTo(MembershipRecord from, MembershipRecord into, PurchaseRecord order, UUID movedId,
            Supplier<UUID> ids, Instant now) {
        if (record.status() != AccrualStatus.PENDING) {
            return List.of();
        }
        Shares shares = Shares.of(record, order);
        Ledger out = new Ledger(from, ids, now);
        out.append(LedgerEntryKind.PENDING, -shares.qualifyingLeft, -shares.redeemableLeft, PURCHASE, order.id(),
                "moved-out:" + record.id());
        AccrualChange cancelled = change(AccrualStatus.CANCELLED, out, new PendingPointsMoved(from.tenantId(),
                from.id(), from.customerId(), record.id(), into.id(), movedId, record.purchaseId(),
                shares.qualifyingLeft, shares.redeemableLeft, record.availableAt(), now), true);
        AccrualRecord moved = new AccrualRecord(into.tenantId(), movedId, 1, now, now, into.id(), record.purchaseId(),
                AccrualStatus.PENDING, record.availableAt(), record.lines());
        Ledger in = new Ledger(into, ids, now);
        in.append(LedgerEntryKind.PENDING, shares.qualifyingLeft, shares.redeemableLeft, PURCHASE, order.id(),
                "pending:" + movedId);
        AccrualChange pending = new AccrualChange(null, moved, into, in.member, in.entries, List.of(new PointsPending(
                into.tenantId(), into.id(), into.customerId(), movedId, record.purchaseId(), shares.qualifyingLeft,
                shares.redeemableLeft, record.availableAt(), now)), record.availableAt(), false);
        return List.of(cancelled, pending);
    }

    /**
     * Takes back what the lines of the return {@code returnId} (the last of {@code order}'s returns to be recorded)
     * earned: cancelled from the pending points while they are pending, else reversed from the available balances as
     * far as they go, the rest recorded as owed. Null when the return takes back nothing (it names no line that
     * earned, the accrual was cancelled, or the membership is closed and takes no entry).
     */
    AccrualChange reverse(MembershipRecord member, PurchaseRecord order, UUID returnId, Supplier<UUID> ids,
            Instant now) {
        if (record.status() == AccrualStatus.CANCELLED || member.status() == MembershipStatus.CLOSED) {
            return null;
        }
        Shares shares = Shares.of(record, order);
        long[] back = shares.byReturn.getOrDefault(returnId, new long[2]);
        if (back[0] == 0 && back[1] == 0) {
            return null;
        }
        Ledger ledger = new Ledger(member, ids, now);
        String key = "return:" + returnId + ":" + record.id();
        if (record.status() == AccrualStatus.PENDING) {
            ledger.append(LedgerEntryKind.PENDING, -back[0], -back[1], RETURN, returnId, key);
            boolean nothingLeft = shares.qualifyingLeft == 0 && shares.redeemableLeft == 0;
            return change(nothingLeft ? AccrualStatus.CANCELLED : AccrualStatus.PENDING, ledger,
                    reversed(ledger, returnId, back[0], back[1], 0, 0, 0, 0, now), nothingLeft);
        }
        long qualifying = Math.min(back[0], member.qualifyingPoints());
        long redeemable = Math.min(back[1], member.redeemablePoints());
        ledger.append(LedgerEntryKind.REVERSAL, -qualifying, -redeemable, RETURN, returnId, key);
        ledger.append(LedgerEntryKind.CLAWBACK, back[0] - qualifying, back[1] - redeemable, RETURN, returnId,
                "owed:" + returnId + ":" + record.id());
        return change(AccrualStatus.POSTED, ledger, reversed(ledger, returnId, 0, 0, qualifying, redeemable,
                back[0] - qualifying, back[1] - redeemable, now), false);
    }

    private PurchasePointsReversed reversed(Ledger ledger, UUID returnId, long qualifyingCancelled,
            long redeemableCancelled, long qualifyingReversed, long redeemableReversed, long qualifyingOwed,
            long redeemableOwed, Instant now) {
        MembershipRecord m = ledger.member;
        return new PurchasePointsReversed(m.tenantId(), m.id(), m.customerId(), record.id(), record.purchaseId(),
                returnId, qualifyingCancelled, redeemableCancelled, qualifyingReversed, redeemableReversed,
                qualifyingOwed, redeemableOwed, m.qualifyingPoints(), m.redeemablePoints(), now);
    }

    private AccrualChange change(AccrualStatus status, Ledger ledger, AccrualEvent event, boolean endsDueWork) {
        return new AccrualChange(record, record.withStatus(status, ledger.now), ledger.before, ledger.member,
                ledger.entries, List.of(event), null, endsDueWork);
    }

    /** The entries of one change and the membership they leave, its balances changed by the available kinds. */
    private static final class Ledger {
        private final MembershipRecord before;
        private final Supplier<UUID> ids;
        private final Instant now;
        private final List<LedgerEntryRecord> entries = new ArrayList<>();
        private MembershipRecord member;

        Ledger(MembershipRecord member, Supplier<UUID> ids, Instant now) {
            this.before = member;
            this.ids = ids;
            this.now = now;
            this.member = with(member, member.qualifyingPoints(), member.redeemablePoints());
        }

        void append(LedgerEntryKind kind, long qualifying, long redeemable, String sourceType, UUID source,
                String key) {
            if (qualifying == 0 && redeemable == 0) {
                return;
            }
            entries.add(new LedgerEntryRecord(member.tenantId(), ids.get(), member.id(), kind, qualifying, redeemable,
                    sourceType, source.toString(), key, now));
            if (kind.changesAvailable()) {
                member = with(member, member.qualifyingPoints() + qualifying, member.redeemablePoints() + redeemable);
            }
        }

        /** Makes the accrual's points available, paying off what is owed first. */
        PurchasePointsPosted makeAvailable(AccrualRecord accrual, long qualifying, long redeemable, LedgerSums owed) {
            long qualifyingPaid = Math.min(qualifying, owed.qualifyingPoints());
            long redeemablePaid = Math.min(redeemable, owed.redeemablePoints());
            append(LedgerEntryKind.CLAWBACK, -qualifyingPaid, -redeemablePaid, PURCHASE, accrual.purchaseId(),
                    "paid-off:" + accrual.id());
            append(LedgerEntryKind.ACCRUAL, qualifying - qualifyingPaid, redeemable - redeemablePaid, PURCHASE,
                    accrual.purchaseId(), "posted:" + accrual.id());
            return new PurchasePointsPosted(member.tenantId(), member.id(), member.customerId(), accrual.id(),
                    accrual.purchaseId(), qualifying - qualifyingPaid, redeemable - redeemablePaid, qualifyingPaid,
                    redeemablePaid, member.qualifyingPoints(), member.redeemablePoints(), now);
        }

        private MembershipRecord with(MembershipRecord m, long qualifying, long redeemable) {
            return new MembershipRecord(m.tenantId(), m.id(), m.version(), m.createdAt(), now, m.programme(),
                    m.customerId(), m.memberNumber(), m.status(), qualifying, redeemable);
        }
    }

    /**
     * What each return of an order took back of the accrual's points, replayed in the order the returns were
     * recorded, and what is left.
     */
    static final class Shares {
        final Map<UUID, long[]> byReturn = new LinkedHashMap<>();
        long qualifyingLeft;
        long redeemableLeft;

        static Shares of(AccrualRecord accrual, PurchaseRecord order) {
            Map<Integer, long[]> left = new LinkedHashMap<>(); // line -> units, qualifying, redeemable left
            Shares shares = new Shares();
            for (AccrualLineRecord line : accrual.lines()) {
                left.put(line.lineNumber(), new long[] {order.lines().get(line.lineNumber() - 1).quantity(),
                        line.qualifyingPoints(), line.redeemablePoints()});
            }
            for (PurchaseReturnRecord back : order.returns()) {
                long[] taken = new long[2];
                for (ReturnLineRecord returned : back.lines()) {
                    long[] line = left.get(returned.lineNumber());
                    if (line == null) {
                        continue;
                    }
                    AccrualLineRecord earned = accrual.lines().stream()
                            .filter(l -> l.lineNumber() == returned.lineNumber()).findFirst().orElseThrow();
                    int quantity = order.lines().get(returned.lineNumber() - 1).quantity();
                    long qualifying = share(earned.qualifyingPoints(), returned.quantity(), quantity, line[0], line[1]);
                    long redeemable = share(earned.redeemablePoints(), returned.quantity(), quantity, line[0],
                            line[2]);
                    line[0] -= returned.quantity();
                    line[1] -= qualifying;
                    line[2] -= redeemable;
                    taken[0] += qualifying;
                    taken[1] += redeemable;
                }
                shares.byReturn.put(back.id(), taken);
            }
            for (long[] line : left.values()) {
                shares.qualifyingLeft += line[1];
                shares.redeemableLeft += line[2];
            }
            return shares;
        }

        /** A line's points for {@code units} of its units, half-even; the last units take what is left. */
        static long share(long earned, int units, int quantity, long unitsLeft, long pointsLeft) {
            if (units >= unitsLeft) {
                return pointsLeft;
            }
            long share = BigDecimal.valueOf(earned).multiply(BigDecimal.valueOf(units))
                    .divide(BigDecimal.valueOf(quantity), 0, RoundingMode.HALF_EVEN).longValueExact();
            return Math.min(share, pointsLeft);
        }
    }
}
