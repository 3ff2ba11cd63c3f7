package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.util.HashSet;
import java.util.List;

/**
 * One tier of a programme's tier scheme.
 *
 * @param code the tier's code ({@code gold}), 1 to 64 characters; the programme's tier bonus rules name it
 * @param name what the host shows (Gold), 1 to 100 characters
 * @param threshold the measure (see {@link dev.crmkit.model.loyalty.TierBasis}) that reaches the tier, 1 to
 *     {@link #MAX_THRESHOLD}
 * @param benefits the codes of the tier's named benefits ({@code free-shipping}), each 1 to 64 characters, distinct,
 *     at most {@link #MAX_BENEFITS}, in the order given
 */
public record TierRecord(String code, String name, long threshold, List<String> benefits) {
    /** The highest threshold a tier may have. */
    public static final long MAX_THRESHOLD = 1_000_000_000L;
    /** The most benefits a tier may name. */
    public static final int MAX_BENEFITS = 20;

    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public TierRecord {
        Checks.text("code", code, 64);
        Checks.text("name", name, 100);
        if (threshold < 1 || threshold > MAX_THRESHOLD) {
            throw new ValidationException("threshold", "must be from 1 to " + MAX_THRESHOLD);
        }
        benefits = List.copyOf(Checks.noNulls("benefits", benefits));
        if (benefits.size() > MAX_BENEFITS) {
            throw new ValidationException("benefits", "must be at most " + MAX_BENEFITS);
        }
        for (int i = 0; i < benefits.size(); i++) {
            Checks.text("benefits[" + i + "]", benefits.get(i), 64);
        }
        if (new HashSet<>(benefits).size() != benefits.size()) {
            throw new ValidationException("benefits", "must be distinct");
        }
    }

    /** This tier with another threshold. */
    public TierRecord withThreshold(long otherThreshold) {
        return new TierRecord(code, name, otherThreshold, benefits);
    }
}
