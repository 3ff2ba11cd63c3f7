package dev.crmkit.model.opportunity;

import dev.crmkit.model.Checks;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The open deals of one stage, owner (null: unowned) and currency (null: no amount): their count, summed amount
 * (scale 4) and summed probability-weighted amount, amount times probability / 100 (exact, scale 6).
 */
public record PipelineCell(String stageKey, UUID ownerId, String currency, long count, BigDecimal amount,
        BigDecimal weightedAmount) {
    /**
     * Keeps the amount at scale 4 and the weighted amount at scale 6.
     *
     * @throws dev.crmkit.model.ValidationException ({@code amount}, {@code weightedAmount}) when one is null or has more
     *     places
     */
    public PipelineCell {
        amount = Checks.scaled("amount", amount, 4);
        weightedAmount = Checks.scaled("weightedAmount", weightedAmount, 6);
    }
}
