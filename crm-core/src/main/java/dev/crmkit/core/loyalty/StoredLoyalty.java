package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.MergeChain;
import dev.crmkit.core.module.CustomerMerge;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.port.CatalogueReward;
import dev.crmkit.core.port.RewardCatalogue;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.CustomerStore;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.LedgerStore;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.MembershipRecord;
import dev.crmkit.spi.loyalty.MembershipStore;
import dev.crmkit.spi.loyalty.PostingLookup;
import dev.crmkit.spi.loyalty.PostingTarget;
import dev.crmkit.spi.loyalty.ProgrammeRecord;
import dev.crmkit.spi.loyalty.ProgrammeStore;
import dev.crmkit.spi.loyalty.PurchaseRecord;
import dev.crmkit.spi.loyalty.PurchaseStore;
import dev.crmkit.spi.loyalty.TierSchemeStore;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

final class StoredLoyalty implements LoyaltyService {
    /** How often a change is tried again after a concurrent writer changed the membership or took its number. */
    private static final int TRIES = 3;

    private final DomainContext context;
    private final String tenantId;
    private final MembershipStore memberships;
    private final LedgerStore ledger;
    private final CustomerStore customers;
    private final RewardCatalogue rewards;
    private final ProgrammeStore programmes;
    private final PurchaseStore purchases;
    private final RewardStock stock;
    private final ExpiryNoticeSettings notices;
    private final StoredTiers tiers;
    private final LoyaltyStorage stores;
    private final TierSchemeStore schemes;
    private final KeptTierSchemes keptSchemes;

    StoredLoyalty(DomainContext context, String tenantId, RewardCatalogue rewards, RewardStock stock,
            ExpiryNoticeSettings notices, KeptTierSchemes keptSchemes) {
        this.context = context;
        this.keptSchemes = keptSchemes;
        this.notices = notices;
        this.tenantId = tenantId;
        this.rewards = rewards;
        this.stock = stock;
        this.tiers = new StoredTiers(context, tenantId);
        this.stores = context.storage(LoyaltyStorage.class);
        this.schemes = stores.tierSchemes();
        this.memberships = stores.memberships();
        this.ledger = stores.ledger();
        this.programmes = stores.programmes();
        this.purchases = stores.purchases();
        this.customers = context.storage(CustomerStorage.class).customers();
    }

    @Override
    public Membership enrol(EnrolMember command) {
        Checks.required("command", command);
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(() -> enrolOnce(command));
            } catch (DuplicateException e) {
                // another enrolment of the customer won (answered on the next try), or the number was taken
                if (attempt == TRIES) {
                    throw e;
                }
            }
        }
    }

    private Membership enrolOnce(EnrolMember command) {
        UUID customerId;
        try {
            customerId = MergeChain.survivor(customers, tenantId, command.customerId()).id();
        } catch (NotFoundException e) {
            throw new ValidationException("customerId", "names no customer of the tenant");
        }
        Optional<MembershipRecord> known = memberships.findByCustomer(tenantId, command.programme(), customerId);
        if (known.isPresent()) {
            return Membership.of(known.get());
        }
        UUID id = context.ids().next();
        MembershipChange change = MembershipAggregate.enrol(tenantId, id, customerId, command.programme(),
                MemberNumbers.from(id), context.now());
        memberships.insert(change.after());
        context.events().record(change.events());
        return Membership.of(change.after());
    }

    @Override
    public Membership membership(UUID membershipId) {
        Checks.id("membershipId", membershipId);
        return Membership.of(stored(membershipId));
    }

    @Override
    public PointsBalances balances(UUID membershipId) {
        Checks.id("membershipId", membershipId);
        return inTransaction(() -> new PurchaseAccruals(context, tenantId, notices).balances(membershipId));
    }

    @Override
    public Membership membershipByNumber(String memberNumber) {
        Checks.text("memberNumber", memberNumber, 32);
        return memberships.findByMemberNumber(tenantId, memberNumber).map(Membership::of)
                .orElseThrow(() -> new NotFoundException("membership", memberNumber));
    }

    @Override
    public Membership membershipOf(UUID customerId, String programme) {
        Checks.id("customerId", customerId);
        Checks.text("programme", programme, 64);
        return inTransaction(() -> {
            UUID survivor = MergeChain.survivor(customers, tenantId, customerId).id();
            return memberships.findByCustomer(tenantId, programme, survivor).map(Membership::of)
                    .orElseThrow(() -> new NotFoundException("membership", programme + " " + survivor));
        });
    }

    @Override
    public Membership suspend(UUID membershipId) {
        return change(membershipId, m -> m.suspend(context.now()));
    }

    @Override
    public Membership reactivate(UUID membershipId) {
        return change(membershipId, m -> m.reactivate(context.now()));
    }

    @Override
    public Membership close(UUID membershipId) {
        return change(membershipId, m -> m.close(context.now()));
    }

    private Membership change(UUID membershipId, Function<MembershipAggregate, MembershipChange> behaviour) {
        Checks.id("membershipId", membershipId);
        return retrying(() -> inTransaction(() -> Membership.of(store(behaviour.apply(
                new MembershipAggregate(stored(membershipId)))))));
    }

    @Override
    public LedgerEntry post(PostPoints command) {
        Checks.required("command", command);
        return retrying(() -> inTransaction(() -> {
            // the key looked up before anything is written, with the membership, its programme's expiry policy and
            // its tier scheme's stamp: one read
            PostingLookup read = stores.postingLookup(tenantId, command.membershipId(), command.idempotencyKey());
            if (read.stored() != null) {
                if (!MembershipAggregate.isPostedBy(read.stored(), command)) {
                    throw new ConflictException("the idempotency key was used before for another posting");
                }
                return LedgerEntry.of(read.stored());
            }
            PostingTarget target = read.target();
            if (target == null) {
                throw new NotFoundException("membership", command.membershipId());
            }
            MembershipChange change = new MembershipAggregate(target.membership()).post(
                    context.ids().next(), command.kind(), command.qualifyingPoints(), command.redeemablePoints(),
                    command.sourceType(), command.sourceReference(), command.idempotencyKey(), context.now());
            store(change, target);
            return LedgerEntry.of(change.entry());
        }));
    }

    @Override
    public LedgerEntry redeem(RedeemReward command) {
        Checks.required("command", command);
        String reference = command.quantity() == 1 ? command.rewardCode()
                : command.rewardCode() + "*" + command.quantity();
        Optional<LedgerEntry> retried = retried(command, reference);
        if (retried.isPresent()) {
            return retried.get();
        }
        // asked outside any unit: a slow catalogue holds no transaction
        CatalogueReward reward = rewards.reward(tenantId, command.rewardCode())
                .orElseThrow(() -> new ValidationException("rewardCode", "names no reward the catalogue offers"));
        long points = Math.multiplyExact(reward.points(), (long) command.quantity());
        return retrying(() -> inTransaction(() -> retried(command, reference).orElseGet(() -> {
            MembershipChange change = new MembershipAggregate(stored(command.membershipId())).redeem(
                    context.ids().next(), reference, points, command.idempotencyKey(), context.now());
            stock.take(tenantId, command.rewardCode(), command.quantity(), command.membershipId(),
                    change.entry().id(), context.now());
            store(change);
            return LedgerEntry.of(change.entry());
        })));
    }

    /** The redemption stored under the command's key, when this is a retry of it. */
    private Optional<LedgerEntry> retried(RedeemReward command, String reference) {
        Optional<LedgerEntryRecord> known = ledger.findByIdempotencyKey(tenantId, command.idempotencyKey());
        if (known.isPresent() && !MembershipAggregate.isRedemption(known.get(), command.membershipId(), reference)) {
            throw new ConflictException("the idempotency key was used before for another posting");
        }
        return known.map(LedgerEntry::of);
    }

    @Override
    public Programme defineProgramme(DefineProgramme command) {
        Checks.required("command", command);
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(() -> {
                    Optional<ProgrammeRecord> known = programmes.findByCode(tenantId, command.code());
                    if (known.isPresent()) {
                        ProgrammeChange retry = new ProgrammeAggregate(known.get()).defineAgain(command.rules());
                        return new ProgrammeAggregate(retry.after()).programme();
                    }
                    ProgrammeChange change = ProgrammeAggregate.define(tenantId, context.ids().next(),
                            command.code(), command.rules(), context.now());
                    ProgrammeRecord stored = programmes.insert(change.after());
                    context.events().record(change.events());
                    return new ProgrammeAggregate(stored).programme();
                });
            } catch (DuplicateException e) {
                // another node defined the code first: the next try answers as a retry would
                if (attempt == TRIES || !"code".equals(e.key())) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Programme reviseProgramme(ReviseProgramme command) {
        Checks.required("command", command);
        return inTransaction(() -> {
            ProgrammeChange change = new ProgrammeAggregate(storedProgramme(command.code())).revise(
                    command.expectedVersion(), command.rules(), context.now());
            if (!change.changed()) {
                return new ProgrammeAggregate(change.before()).programme();
            }
            ProgrammeRecord stored = programmes.update(change.after(), change.before().version());
            context.events().record(change.events());
            return new ProgrammeAggregate(stored).programme();
        });
    }

    @Override
    public Programme programme(String code) {
        Checks.text("code", code, 64);
        return inTransaction(() -> new ProgrammeAggregate(storedProgramme(code)).programme());
    }

    @Override
    public PurchasePoints pointsFor(UUID purchaseId, String programme) {
        Checks.id("purchaseId", purchaseId);
        Checks.text("programme", programme, 64);
        return inTransaction(() -> {
            PurchaseRecord order = purchases.get(tenantId, purchaseId)
                    .orElseThrow(() -> new NotFoundException("purchase", purchaseId));
            ProgrammeRecord stored = storedProgramme(programme);
            String tier = memberships.findByCustomer(tenantId, programme, order.customerId()).map(tiers::tierOf)
                    .orElse(null);
            return new PurchasePoints(purchaseId, stored.code(), stored.version(),
                    Earning.lines(new ProgrammeAggregate(stored).rules(), order, tier));
        });
    }

    private ProgrammeRecord storedProgramme(String code) {
        return programmes.findByCode(tenantId, code).orElseThrow(() -> new NotFoundException("programme", code));
    }

    @Override
    public LedgerEntry award(AwardActivity command) {
        Checks.required("command", command);
        String sourceType = ProgrammeRules.ACTIVITY_SOURCE + command.activity();
        return retrying(() -> inTransaction(() -> awarded(command, sourceType).orElseGet(() -> {
            MembershipRecord membership = stored(command.membershipId());
            ActivityAward award = programmes.findByCode(tenantId, membership.programme())
                    .map(p -> new ProgrammeAggregate(p).rules().activities().get(command.activity()))
                    .orElseThrow(() -> new ValidationException("activity", "earns nothing in programme "
                            + membership.programme()));
            MembershipChange change = new MembershipAggregate(membership).post(context.ids().next(),
                    LedgerEntryKind.ACCRUAL, award.qualifyingPoints(), award.redeemablePoints(), sourceType,
                    command.reference(), command.idempotencyKey(), context.now());
            store(change);
            return LedgerEntry.of(change.entry());
        })));
    }

    /** The award stored under the command's key, when this is a retry of it. */
    private Optional<LedgerEntry> awarded(AwardActivity command, String sourceType) {
        Optional<LedgerEntryRecord> known = ledger.findByIdempotencyKey(tenantId, command.idempotencyKey());
        if (known.isPresent() && !MembershipAggregate.isAccrual(known.get(), command.membershipId(), sourceType,
                command.reference())) {
            throw new ConflictException("the idempotency key was used before for another posting");
        }
        return known.map(LedgerEntry::of);
    }

    @Override
    public Page<LedgerEntry> ledger(UUID membershipId, PageRequest page) {
        Checks.id("membershipId", membershipId);
        Checks.required("page", page);
        return inTransaction(() -> {
            stored(membershipId);
            Page<LedgerEntryRecord> entries = ledger.entries(tenantId, membershipId, page);
            return new Page<>(entries.items().stream().map(LedgerEntry::of).toList(), entries.next());
        });
    }

    /**
     * The loyalty part of a customer merge, in the merge's unit: a membership of the merged customer in a programme
     * the survivor is no member of moves to the survivor; where both are members and the survivor's membership is
     * open, the merged one's balances move to it by a pair of adjustments (out of one ledger, into the other) and the
     * merged one is closed, so no point is lost or counted twice and both ledgers still add up to their balances; its
     * points still pending move to the survivor's membership as well, each purchase's as a new accrual there.
     * Points never move into a closed membership: where the survivor's is closed, a closed membership of the merged
     * customer stays as it is, and an open one refuses the merge (the host merges the other way round, so the open
     * membership carries on).
     *
     * @return how many memberships moved or were merged
     * @throws ValidationException ({@code survivorId}) when the survivor's membership in a programme is closed and
     *     the merged customer's is open; the whole merge is rolled back
     */
    int merge(CustomerMerge merge, Iterable<MembershipRecord> ofMerged) {
        int merged = 0;
        for (MembershipRecord membership : ofMerged) {
            Optional<MembershipRecord> survivors = memberships.findByCustomer(tenantId, membership.programme(),
                    merge.survivorId());
            if (survivors.isEmpty()) {
                MembershipRecord moved = new MembershipRecord(tenantId, membership.id(), membership.version(),
                        membership.createdAt(), merge.at(), membership.programme(), merge.survivorId(),
                        membership.memberNumber(), membership.status(), membership.qualifyingPoints(),
                        membership.redeemablePoints());
                memberships.update(moved, membership.version());
            } else if (survivors.get().status() != MembershipStatus.CLOSED) {
                mergeInto(membership, survivors.get());
            } else if (membership.status() != MembershipStatus.CLOSED) {
                throw new ValidationException("survivorId", "holds a closed membership of programme "
                        + membership.programme() + " and the merged customer an open one: points never move into a"
                        + " closed membership; merge the other way round");
            } else {
                continue; // both closed: nothing is live to merge into, the merged one keeps its ledger
            }
            merged++;
        }
        return merged;
    }

    private void mergeInto(MembershipRecord merged, MembershipRecord survivors) {
        // pending points first, while the merged membership is open; both memberships move on a version
        new PurchaseAccruals(context, tenantId, notices).movePending(merged.id(), survivors.id());
        MembershipRecord from = stored(merged.id());
        MembershipRecord into = stored(survivors.id());
        MembershipRecord current = from;
        long qualifying = from.qualifyingPoints();
        long redeemable = from.redeemablePoints();
        if (qualifying != 0 || redeemable != 0) {
            String reference = into.id().toString();
            current = store(new MembershipAggregate(current).transfer(context.ids().next(), -qualifying, -redeemable,
                    reference, "merge-out:" + from.id(), context.now()));
            store(new MembershipAggregate(into).transfer(context.ids().next(), qualifying, redeemable,
                    from.id().toString(), "merge-in:" + from.id(), context.now()));
        }
        if (current.status() != MembershipStatus.CLOSED) {
            store(new MembershipAggregate(current).close(context.now()));
        }
    }

    private MembershipRecord stored(UUID membershipId) {
        return memberships.get(tenantId, membershipId)
                .orElseThrow(() -> new NotFoundException("membership", membershipId));
    }

    /** Stores the membership over the version it was loaded at, appends its entry and records its events. */
    private MembershipRecord store(MembershipChange change) {
        return store(change, null);
    }

    /**
     * As {@link #store(MembershipChange)}; a change with an entry is one posting write (the entry and the balances,
     * nothing read back), and the tier check and the expiry policy take what {@code target} read with the membership
     * (the tier scheme kept across calls while its stamp matches) instead of reading it again. Without a target they
     * are read.
     */
    private MembershipRecord store(MembershipChange change, PostingTarget target) {
        if (change.entry() == null) {
            MembershipRecord stored = memberships.update(change.after(), change.before().version());
            context.events().record(change.events());
            return stored;
        }
        stores.post(change.after(), change.before().version(), change.entry());
        MembershipRecord stored = atNextVersion(change);
        context.events().record(change.events());
        // after the posting's own events: an upgrade it causes follows it in the outbox
        PointsExpiry expiry = new PointsExpiry(context, tenantId, notices);
        if (target == null) {
            tiers.afterPosting(stored, change.entry());
            expiry.afterPosting(stored, change.entry());
        } else {
            tiers.afterPosting(stored, change.entry(), () -> keptSchemes.scheme(tenantId, stored.programme(),
                    target.tierScheme(), () -> schemes.findByProgramme(tenantId, stored.programme())));
            expiry.afterPosting(stored, change.entry(), () -> PointsExpiry.of(target.expiry()));
        }
        return stored;
    }

    /** The membership as a posting stored it: the change's record at the version after the one it was read at. */
    private static MembershipRecord atNextVersion(MembershipChange change) {
        MembershipRecord m = change.after();
        return new MembershipRecord(m.tenantId(), m.id(), change.before().version() + 1, m.createdAt(), m.updatedAt(),
                m.programme(), m.customerId(), m.memberNumber(), m.status(), m.qualifyingPoints(),
                m.redeemablePoints());
    }

    private <T> T inTransaction(Supplier<T> work) {
        return context.storage().transactions().inTransaction(work);
    }

    private static <T> T retrying(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (ConflictException e) {
                if (attempt == TRIES || !e.retryable()) {
                    throw e;
                }
            } catch (DuplicateException e) {
                // a concurrent retry of the same posting won: the next try answers with its entry
                if (attempt == TRIES || !"idempotencyKey".equals(e.key())) {
                    throw e;
                }
            }
        }
    }
}
