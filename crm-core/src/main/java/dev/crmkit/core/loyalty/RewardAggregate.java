package dev.crmkit.core.loyalty;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.loyalty.RewardRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A reward of the stored catalogue, top to bottom: offered once at version 1, revised whole over the version the
 * reviser read (a retry to the terms it has changes nothing); a redemption inside its window takes from its stock,
 * if it has one, and never more than is left. Every change is stored over the version it was read at, so two
 * redemptions that read the same stock cannot both take the last one.
 */
final class RewardAggregate {
    private final RewardRecord record;

    RewardAggregate(RewardRecord record) {
        this.record = Objects.requireNonNull(record, "record");
    }

    /** A new reward at version 1. */
    static RewardChange offer(String tenantId, UUID id, String code, RewardTerms terms, Instant now) {
        RewardRecord fresh = toRecord(tenantId, id, 1, now, now, code, terms);
        return new RewardChange(null, fresh, List.of(new RewardOffered(tenantId, id, code, terms.points(),
                terms.validFrom(), terms.validUntil(), terms.stock(), now)));
    }

    /**
     * Answers an offer of a reward whose code is taken: a retry on the same terms changes nothing.
     *
     * @throws ConflictException (not retryable) when the terms differ
     */
    RewardChange offerAgain(RewardTerms terms) {
        if (!terms().equals(terms)) {
            throw new ConflictException("reward " + record.code() + " is offered on other terms: revise it");
        }
        return new RewardChange(record, record, List.of());
    }

    /**
     * Replaces the terms, over {@code expectedVersion}; a revision to the terms the reward has changes nothing.
     *
     * @throws ConflictException when the reward is at another version and its terms are not these
     */
    RewardChange revise(long expectedVersion, RewardTerms terms, Instant now) {
        if (terms().equals(terms)) {
            return new RewardChange(record, record, List.of());
        }
        if (record.version() != expectedVersion) {
            throw ConflictException.staleVersion("reward", record.id(), expectedVersion);
        }
        RewardRecord after = toRecord(record.tenantId(), record.id(), record.version(), record.createdAt(), now,
                record.code(), terms);
        return new RewardChange(record, after, List.of(new RewardRevised(record.tenantId(), record.id(),
                record.code(), record.version() + 1, terms.points(), terms.validFrom(), terms.validUntil(),
                terms.stock(), now)));
    }

    /**
     * Takes {@code quantity} from the stock for a redemption posted as {@code entryId}; a reward without a stock
     * limit changes nothing.
     *
     * @throws ValidationException ({@code rewardCode}) when the reward is not offered at {@code now};
     *     ({@code stock}) when fewer than {@code quantity} are left
     */
    RewardChange take(int quantity, UUID membershipId, UUID entryId, Instant now) {
        if (!record.isValidAt(now)) {
            throw new ValidationException("rewardCode", "names a reward not offered at this time");
        }
        if (record.stock() == null) {
            return new RewardChange(record, record, List.of());
        }
        if (record.stock() < quantity) {
            throw new ValidationException("stock", "has " + record.stock() + " left, fewer than the " + quantity
                    + " asked");
        }
        long left = record.stock() - quantity;
        RewardRecord after = toRecord(record.tenantId(), record.id(), record.version(), record.createdAt(), now,
                record.code(), terms().withStock(left));
        return new RewardChange(record, after, List.of(new RewardRedeemed(record.tenantId(), record.id(),
                record.code(), quantity, left, membershipId, entryId, now)));
    }

    /** The reward as callers see it. */
    Reward reward() {
        return new Reward(record.id(), record.code(), record.version(), terms(), record.createdAt(),
                record.updatedAt());
    }

    RewardTerms terms() {
        return RewardTerms.of(record);
    }

    private static RewardRecord toRecord(String tenantId, UUID id, long version, Instant createdAt,
            Instant updatedAt, String code, RewardTerms terms) {
        return new RewardRecord(tenantId, id, version, createdAt, updatedAt, code, terms.name(), terms.points(),
                terms.validFrom(), terms.validUntil(), terms.stock());
    }
}
