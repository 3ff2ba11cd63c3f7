package dev.crmkit.model.lead;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What qualifying a lead found out, the classic BANT questions; each part is null until someone asks.
 *
 * <ul>
 *   <li>{@code budget} with {@code budgetCurrency}: the money the lead can spend, zero or more with at most four
 *       decimal places and 15 digits before the point, in an ISO 4217 currency; both set or both null.</li>
 *   <li>{@code authority}: whether the contact decides the purchase.</li>
 *   <li>{@code need}: what the lead needs, free text of at most 1,000 characters.</li>
 *   <li>{@code timeline}: by when the lead means to buy.</li>
 * </ul>
 */
public record Qualification(BigDecimal budget, String budgetCurrency, Boolean authority, String need,
        LocalDate timeline) {
    private static final BigDecimal MAX_BUDGET = new BigDecimal("1000000000000000");

    /**
     * Checks the rules above and keeps the budget without trailing zeros.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public Qualification {
        if ((budget == null) != (budgetCurrency == null)) {
            throw new ValidationException("budgetCurrency", "must be given exactly when a budget is");
        }
        if (budget != null) {
            if (budget.signum() < 0 || budget.compareTo(MAX_BUDGET) >= 0) {
                throw new ValidationException("budget", "must be zero or more, below 10^15");
            }
            if (budget.stripTrailingZeros().scale() > 4) {
                throw new ValidationException("budget", "must have at most four decimal places");
            }
            budget = budget.stripTrailingZeros();
            if (budget.scale() < 0) {
                budget = budget.setScale(0);
            }
            if (!budgetCurrency.matches("[A-Z]{3}")) {
                throw new ValidationException("budgetCurrency", "must be an ISO 4217 code such as EUR");
            }
        }
        Checks.optionalText("need", need, 1000);
        if (timeline != null && (timeline.getYear() < 1000 || timeline.getYear() > 9999)) {
            throw new ValidationException("timeline", "must lie between the years 1000 and 9999");
        }
    }

    /** Nothing known yet. */
    public static Qualification unknown() {
        return new Qualification(null, null, null, null, null);
    }

    /** How many of the four questions have an answer. */
    public int answered() {
        return (budget != null ? 1 : 0) + (authority != null ? 1 : 0) + (need != null ? 1 : 0)
                + (timeline != null ? 1 : 0);
    }
}
