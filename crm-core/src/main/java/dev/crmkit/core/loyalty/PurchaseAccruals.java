package dev.crmkit.core.loyalty;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.loyalty.AccrualStatus;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.spi.loyalty.AccrualRecord;
import dev.crmkit.spi.loyalty.AccrualStore;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.loyalty.LedgerStore;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.MembershipRecord;
import dev.crmkit.spi.loyalty.MembershipStore;
import dev.crmkit.spi.loyalty.ProgrammeRecord;
import dev.crmkit.spi.loyalty.ProgrammeStore;
import dev.crmkit.spi.loyalty.PurchaseRecord;
import dev.crmkit.spi.loyalty.PurchaseStore;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The accrual of recorded purchases, inside the caller's unit: a new order earns each active member of a defined
 * programme what the programme's rules give ({@link #accrue}), a new return takes back what its lines earned
 * ({@link #reverse}), and the due work of {@link LoyaltyService#PENDING_POINTS_DUE} posts pending points once the
 * return window passed ({@link #post}). Each loads the accrual and the membership, asks {@link AccrualAggregate}, and
 * stores the change: the membership over its version, the accrual over its version, the ledger entries (keys derived
 * from the accrual and the return, unique in the tenant), the events, and the due work.
 */
final class PurchaseAccruals {
    /** How the key of an accrual's first pending entry begins; the accrual's id follows. */
    private static final String PENDING_KEY = "pending:";

    private final DomainContext context;
    private final String tenantId;
    private final AccrualStore accruals;
    private final MembershipStore memberships;
    private final LedgerStore ledger;
    private final ProgrammeStore programmes;
    private final PurchaseStore purchases;
    private final StoredTiers tiers;
    private final ExpiryNoticeSettings notices;

    PurchaseAccruals(DomainContext context, String tenantId, ExpiryNoticeSettings notices) {
        this.context = context;
        this.notices = notices;
        this.tenantId = tenantId;
        LoyaltyStorage stores = context.storage(LoyaltyStorage.class);
        this.accruals = stores.accruals();
        this.memberships = stores.memberships();
        this.ledger = stores.ledger();
        this.programmes = stores.programmes();
        this.purchases = stores.purchases();
        this.tiers = new StoredTiers(context, tenantId);
    }

    /**
     * What a newly recorded order earns its customer in each programme the customer is an active member of and that is
     * defined. A customer who enrols later earns nothing for it: there is no back-credit.
     */
    void accrue(PurchaseRecord order) {
        for (MembershipRecord member : memberships.forCustomer(tenantId, order.customerId())) {
            if (member.status() != MembershipStatus.ACTIVE) {
                continue;
            }
            Optional<ProgrammeRecord> programme = programmes.findByCode(tenantId, member.programme());
            if (programme.isEmpty()) {
                continue;
            }
            ProgrammeRules rules = new ProgrammeAggregate(programme.get()).rules();
            AccrualChange change = AccrualAggregate.earn(context.ids().next(), member, order,
                    Earning.lines(rules, order, tiers.tierOf(member)), rules.returnWindowDays(), owed(member.id()),
                    context.ids()::next, context.now());
            if (change != null) {
                store(change);
            }
        }
    }

    /** Takes back what the newly recorded return {@code returnId} of {@code order} (as stored with it) earned. */
    void reverse(PurchaseRecord order, UUID returnId) {
        for (AccrualRecord accrual : accruals.forPurchase(tenantId, order.id())) {
            AccrualChange change = new AccrualAggregate(accrual).reverse(member(accrual), order, returnId,
                    context.ids()::next, context.now());
            if (change != null) {
                store(change);
            }
        }
    }

    /** Posts the accrual's pending points, if it is still pending: a second run finds it posted and does nothing. */
    void post(UUID accrualId) {
        Optional<AccrualRecord> accrual = accruals.get(tenantId, accrualId);
        if (accrual.isEmpty() || accrual.get().status() != AccrualStatus.PENDING) {
            return;
        }
        PurchaseRecord order = purchases.get(tenantId, accrual.get().purchaseId())
                .orElseThrow(() -> new NotFoundException("purchase", accrual.get().purchaseId()));
        MembershipRecord member = member(accrual.get());
        AccrualChange change = new AccrualAggregate(accrual.get()).post(member, order, owed(member.id()),
                context.ids()::next, context.now());
        if (change != null) {
            store(change);
        }
    }

    /**
     * Moves the pending points of {@code fromId}, a membership a customer merge closes, to {@code intoId}, the
     * survivor's membership in the same programme, one accrual at a time ({@link AccrualAggregate#moveTo}). The
     * pending accruals are found through the membership's {@code pending:<accrual>} entries.
     *
     * @return how many accruals moved
     */
    int movePending(UUID fromId, UUID intoId) {
        int moved = 0;
        for (UUID accrualId : pendingAccruals(fromId)) {
            Optional<AccrualRecord> accrual = accruals.get(tenantId, accrualId);
            if (accrual.isEmpty()) {
                continue;
            }
            PurchaseRecord order = purchases.get(tenantId, accrual.get().purchaseId())
                    .orElseThrow(() -> new NotFoundException("purchase", accrual.get().purchaseId()));
            MembershipRecord into = memberships.get(tenantId, intoId)
                    .orElseThrow(() -> new NotFoundException("membership", intoId));
            List<AccrualChange> changes = new AccrualAggregate(accrual.get()).moveTo(member(accrual.get()), into,
                    order, context.ids().next(), context.ids()::next, context.now());
            changes.forEach(this::store);
            moved += changes.isEmpty() ? 0 : 1;
        }
        return moved;
    }

    private List<UUID> pendingAccruals(UUID membershipId) {
        List<UUID> found = new ArrayList<>();
        Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_LIMIT));
        while (page.isPresent()) {
            PageRequest request = page.get();
            Page<LedgerEntryRecord> entries = ledger.entries(tenantId, membershipId, request);
            entries.items().stream().filter(e -> e.kind() == LedgerEntryKind.PENDING
                    && e.idempotencyKey().startsWith(PENDING_KEY))
                    .forEach(e -> found.add(UUID.fromString(e.idempotencyKey().substring(PENDING_KEY.length()))));
            page = entries.next().map(request::next);
        }
        return found;
    }

    /** The membership's balances as its ledger adds them up. */
    PointsBalances balances(UUID membershipId) {
        MembershipRecord member = memberships.get(tenantId, membershipId)
                .orElseThrow(() -> new NotFoundException("membership", membershipId));
        LedgerSums pending = ledger.sums(tenantId, membershipId, LedgerEntryKind.PENDING);
        LedgerSums owed = owed(membershipId);
        return new PointsBalances(membershipId, member.qualifyingPoints(), member.redeemablePoints(),
                pending.qualifyingPoints(), pending.redeemablePoints(), owed.qualifyingPoints(),
                owed.redeemablePoints());
    }

    private LedgerSums owed(UUID membershipId) {
        return ledger.sums(tenantId, membershipId, LedgerEntryKind.CLAWBACK);
    }

    private MembershipRecord member(AccrualRecord accrual) {
        return memberships.get(tenantId, accrual.membershipId())
                .orElseThrow(() -> new NotFoundException("membership", accrual.membershipId()));
    }

    private void store(AccrualChange change) {
        MembershipRecord member = memberships.update(change.memberAfter(), change.memberBefore().version());
        if (change.before() == null) {
            accruals.insert(change.after());
        } else {
            accruals.update(change.after(), change.before().version());
        }
        change.entries().forEach(ledger::append);
        context.events().record(change.events());
        // after the posting's own events: an upgrade the posted points cause follows them in the outbox
        change.entries().stream().filter(e -> e.kind() == LedgerEntryKind.ACCRUAL)
                .forEach(e -> tiers.afterPosting(member, e));
        PointsExpiry expiry = new PointsExpiry(context, tenantId, notices);
        change.entries().forEach(e -> expiry.afterPosting(member, e));
        String key = change.after().id().toString();
        if (change.postAt() != null) {
            context.storage().dueWork().schedule(DueWorkRecord.of(tenantId, context.ids().next(),
                    LoyaltyService.PENDING_POINTS_DUE, key, change.postAt(), null));
        }
        if (change.endsDueWork()) {
            context.storage().dueWork().cancel(tenantId, LoyaltyService.PENDING_POINTS_DUE, key);
        }
    }
}
