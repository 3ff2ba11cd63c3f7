package dev.crmkit.model.opportunity;

import dev.crmkit.model.Checks;
import java.math.BigDecimal;
import java.util.UUID;

/** One line of the rep leaderboard: an owner's won deals of one currency in a period and their summed amount. */
public record RepResult(UUID ownerId, String currency, long wonCount, BigDecimal wonAmount) {
    /**
     * Keeps the won amount at scale 4.
     *
     * @throws dev.crmkit.model.ValidationException ({@code wonAmount}) when it is null or has more than four decimal
     *     places
     */
    public RepResult {
        wonAmount = Checks.scaled("wonAmount", wonAmount, 4);
    }
}
