package dev.crmkit.core.loyalty;

import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.loyalty.TierRecord;
import java.util.List;

/**
 * One tier of a programme: its code, what the host shows, the measure that reaches it, and its named benefits, which a
 * host reads to grant them (free shipping, a lounge, a birthday gift). The earning bonus of a tier is the programme's
 * rule ({@link ProgrammeRules#withTierBonus}), applied by {@code Earning} to a member holding it.
 *
 * @param code the tier's code ({@code gold}), 1 to 64 characters
 * @param name what the host shows (Gold), 1 to 100 characters
 * @param threshold the measure that reaches it, 1 to 1,000,000,000 (points or accruals in the window, as the
 *     scheme's {@link dev.crmkit.model.loyalty.TierBasis} says)
 * @param benefits the codes of its benefits, distinct, at most 20, each 1 to 64 characters
 */
public record Tier(String code, String name, long threshold, List<String> benefits) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks one
     */
    public Tier {
        benefits = new TierRecord(code, name, threshold, benefits).benefits();
    }

    /** A tier with these benefits. */
    public static Tier of(String code, String name, long threshold, String... benefits) {
        return new Tier(code, name, threshold, List.of(benefits));
    }

    /** Whether the tier grants the benefit with this code. */
    public boolean grants(String benefit) {
        return benefits.contains(benefit);
    }

    TierRecord toRecord() {
        return new TierRecord(code, name, threshold, benefits);
    }

    static Tier of(TierRecord record) {
        return new Tier(record.code(), record.name(), record.threshold(), record.benefits());
    }
}
