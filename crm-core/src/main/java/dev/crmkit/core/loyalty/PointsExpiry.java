package dev.crmkit.core.loyalty;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.loyalty.ExpiryKind;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.LedgerStore;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.MembershipRecord;
import dev.crmkit.spi.loyalty.MembershipStore;
import dev.crmkit.spi.loyalty.ProgrammeExpiry;
import dev.crmkit.spi.loyalty.ProgrammeStore;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The expiry of redeemable points, inside the caller's unit. After every posting ({@link #afterPosting}) it schedules
 * the due work the programme's {@link ExpiryPolicy} asks for: under {@link ExpiryKind#FIXED} each lot (an entry adding
 * redeemable points) gets its own work ({@link LoyaltyService#LOT_EXPIRY_DUE}, keyed by the entry) due the policy's
 * months after it was posted; under {@link ExpiryKind#ACTIVITY} each activity moves the membership's one work
 * ({@link LoyaltyService#INACTIVITY_EXPIRY_DUE}, keyed by the membership) to the policy's months after it. When the
 * work falls due, {@link #expireLot} lets what is left of the lot expire (the storage sums the lots oldest first,
 * {@code LedgerStore.lots}), and {@link #expireInactive} every redeemable point when nothing happened since.
 *
 * <p>Each expiry is one {@link LedgerEntryKind#EXPIRY} entry under a key derived from the entry whose expiry it is
 * ({@code expiry:<entry>}, unique in the tenant), stored with the membership over its version, so a lot or a last
 * activity expires once however often and on however many nodes the work runs. A lot's moment is fixed when it is
 * posted, under the policy then in force; when the work falls due under another kind of policy (or none), nothing
 * expires.
 */
final class PointsExpiry {
    /** The kinds of entry that earn points. */
    private static final Set<LedgerEntryKind> EARNING = EnumSet.of(LedgerEntryKind.ACCRUAL, LedgerEntryKind.PENDING);
    private static final String KEY = "expiry:";

    private final DomainContext context;
    private final String tenantId;
    private final MembershipStore memberships;
    private final LedgerStore ledger;
    private final ProgrammeStore programmes;
    private final LoyaltyStorage stores;
    private final ExpiryNoticeSettings notices;

    PointsExpiry(DomainContext context, String tenantId, ExpiryNoticeSettings notices) {
        this.context = context;
        this.notices = notices;
        this.tenantId = tenantId;
        this.stores = context.storage(LoyaltyStorage.class);
        this.memberships = stores.memberships();
        this.ledger = stores.ledger();
        this.programmes = stores.programmes();
    }

    /** Schedules what the programme's policy asks for after {@code entry} was appended to {@code member}'s ledger. */
    void afterPosting(MembershipRecord member, LedgerEntryRecord entry) {
        afterPosting(member, entry, () -> policy(member));
    }

    /**
     * As {@link #afterPosting(MembershipRecord, LedgerEntryRecord)}, with the programme's policy as {@code policy}
     * gives it (read with the membership, for a posting), asked only when the entry is a lot or an activity.
     */
    void afterPosting(MembershipRecord member, LedgerEntryRecord entry, Supplier<ExpiryPolicy> policies) {
        boolean lot = entry.redeemablePoints() > 0 && entry.kind().changesAvailable();
        boolean activity = isActivity(entry);
        if (!lot && !activity) {
            return;
        }
        ExpiryPolicy policy = policies.get();
        if (policy.kind() == ExpiryKind.FIXED && lot) {
            context.storage().dueWork().schedule(DueWorkRecord.of(tenantId, context.ids().next(),
                    LoyaltyService.LOT_EXPIRY_DUE, entry.id().toString(), after(entry.postedAt(), policy),
                    member.id().toString()));
            if (notices.notifies(tenantId)) {
                context.storage().dueWork().schedule(DueWorkRecord.of(tenantId, context.ids().next(),
                        ExpiryNotices.LOT_DUE, entry.id().toString(),
                        notices.noticeAt(after(entry.postedAt(), policy)),
                        member.id() + " " + after(entry.postedAt(), policy)));
            }
        } else if (policy.kind() == ExpiryKind.ACTIVITY && activity) {
            context.storage().dueWork().schedule(DueWorkRecord.of(tenantId, context.ids().next(),
                    LoyaltyService.INACTIVITY_EXPIRY_DUE, member.id().toString(), after(entry.postedAt(), policy),
                    null));
            if (notices.notifies(tenantId)) {
                context.storage().dueWork().schedule(DueWorkRecord.of(tenantId, context.ids().next(),
                        ExpiryNotices.INACTIVITY_DUE, member.id().toString(),
                        notices.noticeAt(after(entry.postedAt(), policy)), null));
            }
        }
    }

    /**
     * Lets what is left of the lot {@code lotEntryId} of the membership, and of any older lot, expire: the lots up to
     * it less everything spent, oldest lots first. Nothing when the programme's policy is no longer fixed, when it
     * expired before, or when spending took it all.
     */
    void expireLot(UUID membershipId, UUID lotEntryId) {
        Optional<MembershipRecord> member = memberships.get(tenantId, membershipId);
        if (member.isEmpty() || policy(member.get()).kind() != ExpiryKind.FIXED) {
            return;
        }
        String key = KEY + lotEntryId;
        if (ledger.findByIdempotencyKey(tenantId, key).isPresent()) {
            return;
        }
        long left = ledger.lots(tenantId, membershipId, lotEntryId).remaining();
        expire(member.get(), lotEntryId, ExpiryKind.FIXED, left, key);
    }

    /**
     * Lets every redeemable point of the membership expire when its last activity is the policy's months past; when
     * the member was active since, the work is due again then.
     */
    void expireInactive(UUID membershipId) {
        Optional<MembershipRecord> member = memberships.get(tenantId, membershipId);
        if (member.isEmpty()) {
            return;
        }
        ExpiryPolicy policy = policy(member.get());
        Optional<LedgerEntryRecord> last = lastActivity(membershipId);
        if (policy.kind() != ExpiryKind.ACTIVITY || last.isEmpty()) {
            return;
        }
        Instant due = after(last.get().postedAt(), policy);
        if (due.isAfter(context.now())) {
            context.storage().dueWork().schedule(DueWorkRecord.of(tenantId, context.ids().next(),
                    LoyaltyService.INACTIVITY_EXPIRY_DUE, membershipId.toString(), due, null));
            return;
        }
        String key = KEY + last.get().id();
        if (ledger.findByIdempotencyKey(tenantId, key).isPresent()) {
            return;
        }
        expire(member.get(), last.get().id(), ExpiryKind.ACTIVITY, member.get().redeemablePoints(), key);
    }

    private void expire(MembershipRecord member, UUID lotEntryId, ExpiryKind policy, long points, String key) {
        MembershipChange change = new MembershipAggregate(member).expire(context.ids().next(), lotEntryId, points, key,
                context.now());
        if (change == null) {
            return;
        }
        stores.post(change.after(), change.before().version(), change.entry());
        context.events().record(MembershipAggregate.expired(change, lotEntryId, policy));
    }

    /** The membership's newest activity entry: its entries newest first, until the first that is one. */
    Optional<LedgerEntryRecord> lastActivity(UUID membershipId) {
        Optional<PageRequest> page = Optional.of(PageRequest.first(100));
        while (page.isPresent()) {
            PageRequest request = page.get();
            Page<LedgerEntryRecord> entries = ledger.entries(tenantId, membershipId, request);
            Optional<LedgerEntryRecord> found = entries.items().stream().filter(PointsExpiry::isActivity)
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
            page = entries.next().map(request::next);
        }
        return Optional.empty();
    }

    /**
     * Whether the entry is the member's own activity: earning (a purchase's points pending or posted, an activity
     * award) or spending (a redemption). Adjustments, reversals, owed points and expiries are not.
     */
    static boolean isActivity(LedgerEntryRecord entry) {
        return entry.kind() == LedgerEntryKind.REDEMPTION || EARNING.contains(entry.kind())
                && (entry.qualifyingPoints() > 0 || entry.redeemablePoints() > 0);
    }

    ExpiryPolicy policy(MembershipRecord member) {
        // the policy alone: every posting asks for it, and the programme's rules do not matter here
        return of(programmes.findExpiry(tenantId, member.programme()).orElse(null));
    }

    /** The policy a programme's stored expiry holds; none for no programme. */
    static ExpiryPolicy of(ProgrammeExpiry stored) {
        return stored == null ? ExpiryPolicy.none() : new ExpiryPolicy(stored.kind(), stored.months());
    }

    static Instant after(Instant postedAt, ExpiryPolicy policy) {
        return postedAt.atOffset(ZoneOffset.UTC).plusMonths(policy.months()).toInstant();
    }
}
