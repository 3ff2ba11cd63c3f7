package dev.crmkit.core.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.loyalty.RewardRecord;
import java.time.Instant;

/**
 * What a reward of the stored catalogue is and costs: {@code RewardTerms.of("Coffee to go", 150)
 * .withWindow(monday, nextMonday).withStock(500)}.
 *
 * @param name what the host shows, 1 to 200 characters
 * @param points what one costs in redeemable points, 1 to 1,000,000,000
 * @param validFrom from when it can be redeemed (inclusive), or null for no start
 * @param validUntil until when (exclusive), or null for no end; after {@code validFrom} when both are given
 * @param stock how many are left, 0 to 1,000,000,000, or null for no limit
 */
public record RewardTerms(String name, long points, Instant validFrom, Instant validUntil, Long stock) {
    /**
     * Checks the rules above; instants are truncated to microseconds.
     *
     * @throws ValidationException naming the first component that breaks one
     */
    public RewardTerms {
        Checks.text("name", name, 200);
        if (points < 1 || points > RewardRecord.MAX_POINTS) {
            throw new ValidationException("points", "must be from 1 to " + RewardRecord.MAX_POINTS);
        }
        validFrom = Checks.optionalInstant("validFrom", validFrom);
        validUntil = Checks.optionalInstant("validUntil", validUntil);
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new ValidationException("validUntil", "must be after validFrom");
        }
        if (stock != null && (stock < 0 || stock > RewardRecord.MAX_STOCK)) {
            throw new ValidationException("stock", "must be from 0 to " + RewardRecord.MAX_STOCK);
        }
    }

    /** A reward always offered, without a stock limit. */
    public static RewardTerms of(String name, long points) {
        return new RewardTerms(name, points, null, null, null);
    }

    /** These terms, offered from {@code from} (inclusive; null: no start) to {@code until} (exclusive; null: none). */
    public RewardTerms withWindow(Instant from, Instant until) {
        return new RewardTerms(name, points, from, until, stock);
    }

    /** These terms with {@code stock} left (null: no limit). */
    public RewardTerms withStock(Long stock) {
        return new RewardTerms(name, points, validFrom, validUntil, stock);
    }

    static RewardTerms of(RewardRecord r) {
        return new RewardTerms(r.name(), r.points(), r.validFrom(), r.validUntil(), r.stock());
    }
}
