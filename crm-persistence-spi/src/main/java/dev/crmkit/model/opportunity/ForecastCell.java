package dev.crmkit.model.opportunity;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The deals of one forecast bucket, owner (null: unowned), forecast category and currency (null: no amount): their
 * count, summed amount (scale 4) and summed probability-weighted amount, amount times probability / 100 (exact, scale
 * 6; a won deal counts at 100 %, whatever probability it holds).
 *
 * @param bucket the index of the bucket in the {@link ForecastBuckets} asked for, from 0
 * @param ownerId the deals' owner, or null
 * @param category {@link ForecastCategory#CLOSED} for won deals, the open deals' own category otherwise; never
 *     {@link ForecastCategory#OMITTED}
 * @param currency the deals' currency, or null for deals without amount
 * @param count how many deals
 * @param amount their summed amount
 * @param weightedAmount their summed weighted amount
 */
public record ForecastCell(int bucket, UUID ownerId, ForecastCategory category, String currency, long count,
        BigDecimal amount, BigDecimal weightedAmount) {
    /**
     * Keeps the amount at scale 4 and the weighted amount at scale 6.
     *
     * @throws ValidationException ({@code bucket}) when negative; ({@code category}) when null or omitted;
     *     ({@code amount}, {@code weightedAmount}) when null or with more places
     */
    public ForecastCell {
        if (bucket < 0) {
            throw new ValidationException("bucket", "must not be negative");
        }
        Checks.required("category", category);
        if (category == ForecastCategory.OMITTED) {
            throw new ValidationException("category", "must not be OMITTED");
        }
        amount = Checks.scaled("amount", amount, 4);
        weightedAmount = Checks.scaled("weightedAmount", weightedAmount, 6);
    }
}
