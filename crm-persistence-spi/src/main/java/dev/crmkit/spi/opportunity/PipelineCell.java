package dev.crmkit.spi.opportunity;

import java.util.UUID;
import java.math.BigDecimal;

/**
 * The open deals of one stage, owner (null: unowned) and currency (null: no amount): their count, summed amount
 * (scale 4) and summed probability-weighted amount, amount times probability / 100 (exact, scale 6).
 */
public record PipelineCell(String stageKey, UUID ownerId, String currency, long count, BigDecimal amount,
        BigDecimal weightedAmount) {
    /**
     * Keeps the amount at scale 4 and the weighted amount at scale 6.
     *
     * @throws dev.crmkit.spi.ValidationException ({@code amount}, {@code weightedAmount}) when one is null or has more
     *     places
     */
    public PipelineCell {
        amount = Decimals.scaled("amount", amount, 4);
        weightedAmount = Decimals.scaled("weightedAmount", weightedAmount, 6);
    }
}
