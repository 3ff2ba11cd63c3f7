package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.ProgrammeRuleKind;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One accrual rule of a loyalty programme. Which components a rule uses depends on its kind; the others are null or
 * zero:
 *
 * <ul>
 *   <li>{@link ProgrammeRuleKind#CATEGORY}, {@link ProgrammeRuleKind#CHANNEL}, {@link ProgrammeRuleKind#TIER_BONUS}:
 *       {@code key} (the category, channel or tier code) and {@code factor}.</li>
 *   <li>{@link ProgrammeRuleKind#POINT_VALUE}: {@code key} (the programme's currency code) and {@code factor}, what
 *       one redeemable point is worth in it.</li>
 *   <li>{@link ProgrammeRuleKind#PROMOTION}: {@code key} (the promotion's code), {@code factor}, the window
 *       {@code validFrom} (inclusive) to {@code validUntil} (exclusive), both required and in that order, and an
 *       optional {@code category} it is limited to.</li>
 *   <li>{@link ProgrammeRuleKind#ACTIVITY}: {@code key} (the activity code) and the points it awards,
 *       {@code qualifyingPoints} and {@code redeemablePoints}, neither negative and not both zero.</li>
 * </ul>
 *
 * @param kind what the rule does
 * @param key the code it applies to, 1 to 64 characters
 * @param factor a multiplier from 0 to 100 with at most four places, normalized to scale 4
 * @param qualifyingPoints an activity's qualifying points
 * @param redeemablePoints an activity's redeemable points
 * @param category the category a promotion is limited to, at most 64 characters
 * @param validFrom when a promotion starts, truncated to microseconds
 * @param validUntil when a promotion ends, truncated to microseconds
 */
public record ProgrammeRuleRecord(ProgrammeRuleKind kind, String key, BigDecimal factor, long qualifyingPoints,
        long redeemablePoints, String category, Instant validFrom, Instant validUntil) {
    /** The largest factor a multiplier may have. */
    public static final BigDecimal MAX_FACTOR = BigDecimal.valueOf(100);
    /** The most points an activity may award in either currency. */
    public static final long MAX_POINTS = 1_000_000;

    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public ProgrammeRuleRecord {
        Checks.required("kind", kind);
        Checks.text("key", key, 64);
        if (kind == ProgrammeRuleKind.ACTIVITY) {
            if (factor != null) {
                throw new ValidationException("factor", "must be absent for an activity");
            }
            if (qualifyingPoints < 0 || redeemablePoints < 0 || qualifyingPoints > MAX_POINTS
                    || redeemablePoints > MAX_POINTS) {
                throw new ValidationException("points", "must be from 0 to " + MAX_POINTS);
            }
            if (qualifyingPoints == 0 && redeemablePoints == 0) {
                throw new ValidationException("points", "must award points in at least one currency");
            }
        } else {
            factor = Checks.scaled("factor", factor, 4);
            if (factor.signum() < 0 || factor.compareTo(MAX_FACTOR) > 0) {
                throw new ValidationException("factor", "must be from 0 to " + MAX_FACTOR);
            }
            if (qualifyingPoints != 0 || redeemablePoints != 0) {
                throw new ValidationException("points", "must be zero for a multiplier");
            }
        }
        if (kind == ProgrammeRuleKind.PROMOTION) {
            category = Checks.optionalText("category", category, 64);
            validFrom = Checks.instant("validFrom", validFrom);
            validUntil = Checks.instant("validUntil", validUntil);
            if (!validFrom.isBefore(validUntil)) {
                throw new ValidationException("validUntil", "must be after validFrom");
            }
        } else if (category != null || validFrom != null || validUntil != null) {
            throw new ValidationException(category != null ? "category" : "validFrom",
                    "must be absent for a " + kind + " rule");
        }
    }
}
