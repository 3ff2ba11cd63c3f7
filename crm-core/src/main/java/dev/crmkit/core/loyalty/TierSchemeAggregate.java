package dev.crmkit.core.loyalty;

import dev.crmkit.model.ConflictException;
import dev.crmkit.spi.loyalty.TierRecord;
import dev.crmkit.spi.loyalty.TierSchemeRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A programme's tier scheme, top to bottom: defined once at version 1 and revised whole, each revision over the
 * version the reviser read; a definition or revision to the rules it has changes nothing (a retry is answered with
 * what is stored). It knows which tier a measure reaches: the highest whose threshold the measure meets.
 */
final class TierSchemeAggregate {
    private final TierSchemeRecord record;

    TierSchemeAggregate(TierSchemeRecord record) {
        this.record = Objects.requireNonNull(record, "record");
    }

    /** A new scheme at version 1. */
    static TierSchemeChange define(String tenantId, UUID id, String programme, TierRules rules, Instant now) {
        TierSchemeRecord fresh = new TierSchemeRecord(tenantId, id, 1, now, now, programme, rules.basis(),
                rules.windowMonths(), rules.tiers().stream().map(Tier::toRecord).toList());
        return new TierSchemeChange(null, fresh, List.of(new TiersDefined(tenantId, id, programme, 1,
                fresh.tiers().size(), now)));
    }

    /**
     * Answers a definition for a programme that has tiers: a retry with the same rules changes nothing.
     *
     * @throws ConflictException (not retryable) when the rules differ
     */
    TierSchemeChange defineAgain(TierRules rules) {
        if (!rules().equals(rules)) {
            throw new ConflictException("programme " + record.programme() + " has other tiers: revise them");
        }
        return new TierSchemeChange(record, record, List.of());
    }

    /**
     * Replaces the tiers, over {@code expectedVersion}; a revision to the rules the scheme has changes nothing.
     *
     * @throws ConflictException when the scheme is at another version and its rules are not these
     */
    TierSchemeChange revise(long expectedVersion, TierRules rules, Instant now) {
        if (rules().equals(rules)) {
            return new TierSchemeChange(record, record, List.of());
        }
        if (record.version() != expectedVersion) {
            throw ConflictException.staleVersion("tier scheme", record.id(), expectedVersion);
        }
        TierSchemeRecord after = new TierSchemeRecord(record.tenantId(), record.id(), record.version(),
                record.createdAt(), now, record.programme(), rules.basis(), rules.windowMonths(),
                rules.tiers().stream().map(Tier::toRecord).toList());
        return new TierSchemeChange(record, after, List.of(new TiersRevised(record.tenantId(), record.id(),
                record.programme(), record.version() + 1, after.tiers().size(), now)));
    }

    /** The scheme as callers see it. */
    TierScheme scheme() {
        return new TierScheme(record.id(), record.programme(), record.version(), rules(), record.createdAt(),
                record.updatedAt());
    }

    TierRules rules() {
        return new TierRules(record.basis(), record.windowMonths(), record.tiers().stream().map(Tier::of).toList());
    }

    long version() {
        return record.version();
    }

    /**
     * Where the measure of a member's window starts when evaluated at {@code at}: one window earlier, that moment
     * itself excluded, so a review one window after a posting no longer counts it, however late it runs.
     */
    Instant windowStart(Instant at) {
        return at.atOffset(ZoneOffset.UTC).minusMonths(record.windowMonths()).toInstant();
    }

    /** When a tier reached or kept at {@code at} is reviewed: one window later. */
    Instant reviewAfter(Instant at) {
        return at.atOffset(ZoneOffset.UTC).plusMonths(record.windowMonths()).toInstant();
    }

    /** The code of the highest tier {@code measure} reaches, or null when it reaches none. */
    String tierFor(long measure) {
        String reached = null;
        for (TierRecord tier : record.tiers()) {
            if (measure >= tier.threshold()) {
                reached = tier.code();
            }
        }
        return reached;
    }

    /**
     * The tier's place from the lowest (0) up; -1 for none, and for a code the scheme no longer has, which counts as
     * no tier.
     */
    int rank(String code) {
        for (int i = 0; i < record.tiers().size(); i++) {
            if (record.tiers().get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }
}
