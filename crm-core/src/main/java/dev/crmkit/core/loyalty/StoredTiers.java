package dev.crmkit.core.loyalty;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.model.loyalty.TierBasis;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.MemberTierRecord;
import dev.crmkit.spi.loyalty.MemberTierStore;
import dev.crmkit.spi.loyalty.MembershipRecord;
import dev.crmkit.spi.loyalty.MembershipStore;
import dev.crmkit.spi.loyalty.TierMeasure;
import dev.crmkit.spi.loyalty.TierSchemeRecord;
import dev.crmkit.spi.loyalty.TierSchemeStore;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tiers of one tenant: the {@link TierService}, the upgrade a posting makes in its own unit
 * ({@link #afterPosting}), the review the scheduler runs ({@link #review}), and the tier {@code Earning} applies.
 */
final class StoredTiers implements TierService {
    /** How often a definition is tried again after another node defined the programme's tiers first. */
    private static final int TRIES = 3;

    private final DomainContext context;
    private final String tenantId;
    private final TierSchemeStore schemes;
    private final MemberTierStore tiers;
    private final MembershipStore memberships;

    StoredTiers(DomainContext context, String tenantId) {
        this.context = context;
        this.tenantId = tenantId;
        LoyaltyStorage stores = context.storage(LoyaltyStorage.class);
        this.schemes = stores.tierSchemes();
        this.tiers = stores.memberTiers();
        this.memberships = stores.memberships();
    }

    @Override
    public TierScheme defineTiers(DefineTiers command) {
        Checks.required("command", command);
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(() -> {
                    Optional<TierSchemeRecord> known = schemes.findByProgramme(tenantId, command.programme());
                    if (known.isPresent()) {
                        TierSchemeChange retry = new TierSchemeAggregate(known.get()).defineAgain(command.rules());
                        return new TierSchemeAggregate(retry.after()).scheme();
                    }
                    TierSchemeChange change = TierSchemeAggregate.define(tenantId, context.ids().next(),
                            command.programme(), command.rules(), context.now());
                    TierSchemeRecord stored = schemes.insert(change.after());
                    context.events().record(change.events());
                    return new TierSchemeAggregate(stored).scheme();
                });
            } catch (DuplicateException e) {
                // another node defined the programme's tiers first: the next try answers as a retry would
                if (attempt == TRIES || !"programme".equals(e.key())) {
                    throw e;
                }
            }
        }
    }

    @Override
    public TierScheme reviseTiers(ReviseTiers command) {
        Checks.required("command", command);
        return inTransaction(() -> {
            TierSchemeChange change = new TierSchemeAggregate(storedScheme(command.programme())).revise(
                    command.expectedVersion(), command.rules(), context.now());
            if (!change.changed()) {
                return new TierSchemeAggregate(change.before()).scheme();
            }
            TierSchemeRecord stored = schemes.update(change.after(), change.before().version());
            context.events().record(change.events());
            return new TierSchemeAggregate(stored).scheme();
        });
    }

    @Override
    public TierScheme tiers(String programme) {
        Checks.text("programme", programme, 64);
        return inTransaction(() -> new TierSchemeAggregate(storedScheme(programme)).scheme());
    }

    @Override
    public MemberTier memberTier(UUID membershipId) {
        Checks.id("membershipId", membershipId);
        return inTransaction(() -> {
            MembershipRecord membership = membership(membershipId);
            TierSchemeAggregate scheme = schemes.findByProgramme(tenantId, membership.programme())
                    .map(TierSchemeAggregate::new).orElse(null);
            return aggregate(membership).memberTier(scheme);
        });
    }

    @Override
    public List<TierChange> tierHistory(UUID membershipId, int limit) {
        Checks.id("membershipId", membershipId);
        Checks.limit("limit", limit, 1000);
        return inTransaction(() -> {
            membership(membershipId);
            return tiers.history(tenantId, membershipId, limit).stream().map(c -> new TierChange(c.id(),
                    c.membershipId(), c.fromTier(), c.toTier(), c.measure(), c.schemeVersion(), c.occurredAt()))
                    .toList();
        });
    }

    /**
     * Upgrades the member, in the posting's unit, when the entry just appended lifts their measure to a higher tier.
     * An entry that adds no qualifying points and is no accrual cannot lift it, and is passed over without a read.
     */
    void afterPosting(MembershipRecord membership, LedgerEntryRecord entry) {
        afterPosting(membership, entry, () -> schemes.findByProgramme(tenantId, membership.programme()));
    }

    /**
     * As {@link #afterPosting(MembershipRecord, LedgerEntryRecord)}, with the programme's scheme as {@code schemeOf}
     * gives it (one the posting kept, or read), asked only when the entry can lift the measure.
     */
    void afterPosting(MembershipRecord membership, LedgerEntryRecord entry,
            Supplier<Optional<TierSchemeRecord>> schemeOf) {
        if (entry.qualifyingPoints() <= 0 && entry.kind() != LedgerEntryKind.ACCRUAL) {
            return;
        }
        Optional<TierSchemeRecord> stored = schemeOf.get();
        if (stored.isEmpty()) {
            return;
        }
        TierSchemeAggregate scheme = new TierSchemeAggregate(stored.get());
        Instant now = context.now();
        aggregate(membership).afterPosting(scheme, measure(scheme, membership.id(), now), membership.customerId(),
                context.ids().next(), now).ifPresent(this::store);
    }

    /**
     * Runs the member's review due at {@code dueAt} in a unit of its own; does nothing when that review is not due
     * any more (the member was upgraded since, or another node ran it). The member's tier is stored over the version
     * read, so the same review run by two nodes at once changes it once: the loser's unit fails with a retryable
     * {@link dev.crmkit.model.ConflictException} and rolls back.
     */
    void review(UUID membershipId, Instant dueAt) {
        inTransaction(() -> {
            Optional<MembershipRecord> membership = memberships.get(tenantId, membershipId);
            Optional<TierSchemeRecord> stored = membership.flatMap(m -> schemes.findByProgramme(tenantId,
                    m.programme()));
            if (stored.isEmpty()) {
                return null;
            }
            TierSchemeAggregate scheme = new TierSchemeAggregate(stored.get());
            Instant now = context.now();
            aggregate(membership.get()).review(scheme, dueAt, measure(scheme, membershipId, now),
                    membership.get().customerId(), context.ids().next(), now).ifPresent(this::store);
            return null;
        });
    }

    /** The code of the tier the member holds, for {@code Earning}'s tier bonus; null for none. */
    String tierOf(MembershipRecord membership) {
        return tiers.get(tenantId, membership.id()).map(MemberTierRecord::tier).orElse(null);
    }

    private long measure(TierSchemeAggregate scheme, UUID membershipId, Instant now) {
        TierMeasure measure = tiers.measure(tenantId, membershipId, scheme.windowStart(now));
        return scheme.rules().basis() == TierBasis.ACCRUALS ? measure.accruals()
                : Math.max(0, measure.qualifyingPoints());
    }

    /** Stores the tier over the version it was read at, appends its history and schedules its next review. */
    private void store(MemberTierChange change) {
        MemberTierRecord after = change.before() == null ? tiers.insert(change.after())
                : tiers.update(change.after(), change.before().version());
        if (change.history() != null) {
            tiers.append(change.history());
        }
        String key = after.id().toString();
        if (after.reviewAt() == null) {
            context.storage().dueWork().cancel(tenantId, REVIEW, key);
        } else {
            // The payload names the review's moment, so the handler can tell a stale review from the one due.
            context.storage().dueWork().schedule(DueWorkRecord.of(tenantId, context.ids().next(), REVIEW, key,
                    after.reviewAt(), after.reviewAt().toString()));
        }
        context.events().record(change.events());
    }

    private MemberTierAggregate aggregate(MembershipRecord membership) {
        return new MemberTierAggregate(tenantId, membership.id(), membership.programme(),
                tiers.get(tenantId, membership.id()).orElse(null));
    }

    private MembershipRecord membership(UUID membershipId) {
        return memberships.get(tenantId, membershipId)
                .orElseThrow(() -> new NotFoundException("membership", membershipId));
    }

    private TierSchemeRecord storedScheme(String programme) {
        return schemes.findByProgramme(tenantId, programme)
                .orElseThrow(() -> new NotFoundException("tier scheme", programme));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return context.storage().transactions().inTransaction(work);
    }
}
