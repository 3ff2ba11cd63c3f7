package dev.crmkit.model.opportunity;

import dev.crmkit.model.Checks;
import java.math.BigDecimal;

/**
 * The deals of one lead source (null: none recorded) and currency (null: no amount) closed in a period: won and
 * lost counts and summed amounts (scale 4).
 */
public record LeadSourceResult(String leadSource, String currency, long won, BigDecimal wonAmount, long lost,
        BigDecimal lostAmount) {
    /**
     * Keeps both amounts at scale 4.
     *
     * @throws dev.crmkit.model.ValidationException ({@code wonAmount}, {@code lostAmount}) when one is null or has more
     *     than four decimal places
     */
    public LeadSourceResult {
        wonAmount = Checks.scaled("wonAmount", wonAmount, 4);
        lostAmount = Checks.scaled("lostAmount", lostAmount, 4);
    }
}
