package dev.crmkit.core.loyalty;

import dev.crmkit.spi.loyalty.MemberTierRecord;
import dev.crmkit.spi.loyalty.TierChangeRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The tier a member holds, top to bottom:
 *
 * <ul>
 *   <li><b>Upgrade at once.</b> After a posting, a member whose measure (points or accruals in the scheme's window)
 *       reaches a tier above the one held moves up to it, and holds it until a review one window later. A posting
 *       never moves a member down.</li>
 *   <li><b>Review.</b> At the review the member is due (and only that one: a review scheduled for another time, or of
 *       a member holding no tier, changes nothing), the tier the measure reaches decides: the same tier is kept until
 *       the next review one window on; a lower tier (or none) is a downgrade; a higher one an upgrade.</li>
 *   <li>A tier the scheme no longer has counts as none: the next posting or review moves the member to what they
 *       reach.</li>
 * </ul>
 *
 * <p>Every change of the tier appends one entry to the member's tier history; the record is stored over the version
 * it was read at, so two evaluations of one member that read the same record cannot both change it.
 */
final class MemberTierAggregate {
    private final String tenantId;
    private final UUID membershipId;
    private final String programme;
    private final MemberTierRecord record;

    /** The member's tier as stored, or none yet ({@code record} null). */
    MemberTierAggregate(String tenantId, UUID membershipId, String programme, MemberTierRecord record) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.membershipId = Objects.requireNonNull(membershipId, "membershipId");
        this.programme = Objects.requireNonNull(programme, "programme");
        this.record = record;
    }

    String tier() {
        return record == null ? null : record.tier();
    }

    /** The change a posting makes: an upgrade when {@code measure} reaches a tier above the one held. */
    Optional<MemberTierChange> afterPosting(TierSchemeAggregate scheme, long measure, UUID customerId, UUID changeId,
            Instant now) {
        String reached = scheme.tierFor(measure);
        if (scheme.rank(reached) <= scheme.rank(tier())) {
            return Optional.empty();
        }
        return Optional.of(move(scheme, reached, measure, customerId, changeId, now));
    }

    /**
     * The change the review due at {@code dueAt} makes; none when the member is due no such review (it was moved by
     * an upgrade, or done already).
     */
    Optional<MemberTierChange> review(TierSchemeAggregate scheme, Instant dueAt, long measure, UUID customerId,
            UUID changeId, Instant now) {
        if (record == null || record.tier() == null || !dueAt.equals(record.reviewAt())) {
            return Optional.empty();
        }
        String reached = scheme.tierFor(measure);
        if (reached != null && reached.equals(record.tier())) {
            Instant next = scheme.reviewAfter(now);
            MemberTierRecord after = new MemberTierRecord(tenantId, membershipId, record.version(),
                    record.createdAt(), now, programme, reached, record.since(), next);
            return Optional.of(new MemberTierChange(record, after, null, List.of(new TierRetained(tenantId,
                    membershipId, customerId, reached, measure, scheme.version(), next, now))));
        }
        return Optional.of(move(scheme, reached, measure, customerId, changeId, now));
    }

    private MemberTierChange move(TierSchemeAggregate scheme, String to, long measure, UUID customerId,
            UUID changeId, Instant now) {
        String from = tier();
        Instant reviewAt = to == null ? null : scheme.reviewAfter(now);
        MemberTierRecord after = new MemberTierRecord(tenantId, membershipId, record == null ? 1 : record.version(),
                record == null ? now : record.createdAt(), now, programme, to, to == null ? null : now, reviewAt);
        TierChangeRecord history = new TierChangeRecord(tenantId, changeId, membershipId, from, to, measure,
                scheme.version(), now);
        MemberTierEvent event = scheme.rank(to) > scheme.rank(from)
                ? new TierUpgraded(tenantId, membershipId, customerId, from, to, measure, scheme.version(), reviewAt,
                        now)
                : new TierDowngraded(tenantId, membershipId, customerId, from, to, measure, scheme.version(),
                        reviewAt, now);
        return new MemberTierChange(record, after, history, List.of(event));
    }

    /** The tier as callers see it, the tier's definition taken from the scheme (if any). */
    MemberTier memberTier(TierSchemeAggregate scheme) {
        String code = tier();
        Optional<Tier> tier = code == null || scheme == null ? Optional.empty() : scheme.rules().tier(code);
        return new MemberTier(membershipId, programme, tier, code, record == null ? null : record.since(),
                record == null ? null : record.reviewAt());
    }
}
