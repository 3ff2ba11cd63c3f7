package dev.crmkit.core.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A promotion of a programme: while its window is open, what a purchase earns is multiplied by its factor, on every
 * line or only on the lines of one category. Whether an order falls in the window goes by when it was bought.
 *
 * @param code the promotion's code, at most 64 characters, unique in the programme
 * @param factor the multiplier, from 0 to 100 with at most four places (normalized to scale 4)
 * @param from when the window opens (inclusive)
 * @param until when it closes (exclusive), after {@code from}
 * @param category the only category it applies to, or null for every line; at most 64 characters
 */
public record Promotion(String code, BigDecimal factor, Instant from, Instant until, String category) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks one
     */
    public Promotion {
        Checks.text("code", code, 64);
        factor = ProgrammeRules.factor("factor", factor);
        from = Checks.instant("from", from);
        until = Checks.instant("until", until);
        if (!from.isBefore(until)) {
            throw new ValidationException("until", "must be after from");
        }
        category = Checks.optionalText("category", category, 64);
    }

    /** A promotion on every line, from {@code from} until (not including) {@code until}. */
    public static Promotion of(String code, String factor, Instant from, Instant until) {
        return new Promotion(code, ProgrammeRules.decimal("factor", factor), from, until, null);
    }

    /** This promotion limited to the lines of one category. */
    public Promotion onCategory(String category) {
        return new Promotion(code, factor, from, until, Checks.required("category", category));
    }

    /** Whether the window is open at {@code at}. */
    public boolean isOpenAt(Instant at) {
        return !at.isBefore(from) && at.isBefore(until);
    }
}
