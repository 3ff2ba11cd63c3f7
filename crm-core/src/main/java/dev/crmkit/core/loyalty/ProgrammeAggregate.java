package dev.crmkit.core.loyalty;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.loyalty.ProgrammeRuleKind;
import dev.crmkit.spi.loyalty.ProgrammeRecord;
import dev.crmkit.spi.loyalty.ProgrammeRuleRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A programme's rules, top to bottom: it is defined once at version 1 and revised whole, each revision over the
 * version the reviser read; a revision to the rules it has already changes nothing (a retried revision is answered
 * with what is stored). The record it wraps keeps the {@link ProgrammeRules} as one rule row per multiplier,
 * promotion, bonus and activity, in a fixed order (categories, channels, promotions, tiers, activities).
 */
final class ProgrammeAggregate {
    private final ProgrammeRecord record;

    ProgrammeAggregate(ProgrammeRecord record) {
        this.record = Objects.requireNonNull(record, "record");
    }

    /** A new programme at version 1. */
    static ProgrammeChange define(String tenantId, UUID id, String code, ProgrammeRules rules, Instant now) {
        ProgrammeRecord fresh = toRecord(tenantId, id, 1, now, now, code, rules);
        return new ProgrammeChange(null, fresh, List.of(new ProgrammeDefined(tenantId, id, code, 1,
                fresh.rules().size(), now)));
    }

    /**
     * Answers a definition of a programme whose code is taken: a retry with the same rules changes nothing and
     * returns the programme as stored.
     *
     * @throws ConflictException (not retryable) when the rules differ
     */
    ProgrammeChange defineAgain(ProgrammeRules rules) {
        if (!rules().equals(rules)) {
            throw new ConflictException("programme " + record.code() + " is defined with other rules: revise it");
        }
        return new ProgrammeChange(record, record, List.of());
    }

    /**
     * Replaces the rules, over {@code expectedVersion}; a revision to the rules the programme has changes nothing.
     *
     * @throws ConflictException when the programme is at another version and its rules are not these
     */
    ProgrammeChange revise(long expectedVersion, ProgrammeRules rules, Instant now) {
        if (rules().equals(rules)) {
            return new ProgrammeChange(record, record, List.of());
        }
        if (record.version() != expectedVersion) {
            throw ConflictException.staleVersion("programme", record.id(), expectedVersion);
        }
        ProgrammeRecord after = toRecord(record.tenantId(), record.id(), record.version(), record.createdAt(), now,
                record.code(), rules);
        return new ProgrammeChange(record, after, List.of(new ProgrammeRevised(record.tenantId(), record.id(),
                record.code(), record.version() + 1, after.rules().size(), now)));
    }

    /** The programme as callers see it. */
    Programme programme() {
        return new Programme(record.id(), record.code(), record.version(), rules(), record.createdAt(),
                record.updatedAt());
    }

    /** The rules the record holds. */
    ProgrammeRules rules() {
        Map<String, BigDecimal> categories = new TreeMap<>();
        Map<String, BigDecimal> channels = new TreeMap<>();
        List<Promotion> promotions = new ArrayList<>();
        Map<String, BigDecimal> tiers = new TreeMap<>();
        Map<String, ActivityAward> activities = new TreeMap<>();
        BigDecimal pointValue = null;
        for (ProgrammeRuleRecord rule : record.rules()) {
            switch (rule.kind()) {
                case CATEGORY -> categories.put(rule.key(), rule.factor());
                case CHANNEL -> channels.put(rule.key(), rule.factor());
                case PROMOTION -> promotions.add(new Promotion(rule.key(), rule.factor(), rule.validFrom(),
                        rule.validUntil(), rule.category()));
                case TIER_BONUS -> tiers.put(rule.key(), rule.factor());
                case ACTIVITY -> activities.put(rule.key(), new ActivityAward(rule.qualifyingPoints(),
                        rule.redeemablePoints()));
                case POINT_VALUE -> pointValue = rule.factor();
            }
        }
        return new ProgrammeRules(record.currency(), record.qualifyingPerUnit(), record.redeemablePerUnit(),
                record.returnWindowDays(), categories, channels, promotions, tiers, activities, pointValue,
                new ExpiryPolicy(record.expiryKind(), record.expiryMonths()));
    }

    private static ProgrammeRecord toRecord(String tenantId, UUID id, long version, Instant createdAt,
            Instant updatedAt, String code, ProgrammeRules rules) {
        List<ProgrammeRuleRecord> rows = new ArrayList<>();
        rules.categoryMultipliers().forEach((key, factor) -> rows.add(multiplier(ProgrammeRuleKind.CATEGORY, key,
                factor)));
        rules.channelMultipliers().forEach((key, factor) -> rows.add(multiplier(ProgrammeRuleKind.CHANNEL, key,
                factor)));
        rules.promotions().forEach(p -> rows.add(new ProgrammeRuleRecord(ProgrammeRuleKind.PROMOTION, p.code(),
                p.factor(), 0, 0, p.category(), p.from(), p.until())));
        rules.tierBonuses().forEach((key, factor) -> rows.add(multiplier(ProgrammeRuleKind.TIER_BONUS, key,
                factor)));
        rules.activities().forEach((key, award) -> rows.add(new ProgrammeRuleRecord(ProgrammeRuleKind.ACTIVITY, key,
                null, award.qualifyingPoints(), award.redeemablePoints(), null, null, null)));
        if (rules.pointValue() != null) {
            rows.add(multiplier(ProgrammeRuleKind.POINT_VALUE, rules.currency(), rules.pointValue()));
        }
        return new ProgrammeRecord(tenantId, id, version, createdAt, updatedAt, code, rules.currency(),
                rules.qualifyingPerUnit(), rules.redeemablePerUnit(), rules.returnWindowDays(), rows,
                rules.expiry().kind(), rules.expiry().months());
    }

    private static ProgrammeRuleRecord multiplier(ProgrammeRuleKind kind, String key, BigDecimal factor) {
        return new ProgrammeRuleRecord(kind, key, factor, 0, 0, null, null, null);
    }
}
