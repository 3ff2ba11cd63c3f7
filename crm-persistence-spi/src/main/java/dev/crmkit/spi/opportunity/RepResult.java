package dev.crmkit.spi.opportunity;

import java.math.BigDecimal;
import java.util.UUID;

/** One line of the rep leaderboard: an owner's won deals of one currency in a period and their summed amount. */
public record RepResult(UUID ownerId, String currency, long wonCount, BigDecimal wonAmount) {
    /**
     * Keeps the won amount at scale 4.
     *
     * @throws dev.crmkit.spi.ValidationException ({@code wonAmount}) when it is null or has more than four decimal
     *     places
     */
    public RepResult {
        wonAmount = Decimals.scaled("wonAmount", wonAmount, 4);
    }
}
