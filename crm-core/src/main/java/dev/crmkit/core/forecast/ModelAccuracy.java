package dev.crmkit.core.forecast;

import dev.crmkit.model.ValidationException;

/**
 * How well one forecaster did in a backtest, over every origin and every step of the horizon.
 *
 * @param model the forecaster's name
 * @param mase the mean absolute scaled error: the mean absolute error divided by the in-sample mean absolute error
 *     of the one-step seasonal naive forecast of the same history; below 1 beats seasonal naive's in-sample errors
 * @param smape the symmetric mean absolute percentage error, in percent (0 to 200):
 *     {@code 200 |y - f| / (|y| + |f|)} on average
 * @param relativeMase this model's MASE over the seasonal naive forecast's MASE in the same backtest; below 1 means
 *     better than seasonal naive out of sample
 * @param forecasts how many forecasts were scored
 */
public record ModelAccuracy(String model, double mase, double smape, double relativeMase, int forecasts) {
    /**
     * @throws ValidationException ({@code model}) when null or blank; ({@code forecasts}) when below 1
     */
    public ModelAccuracy {
        if (model == null || model.isBlank()) {
            throw new ValidationException("model", "is required");
        }
        if (forecasts < 1) {
            throw new ValidationException("forecasts", "must be at least 1");
        }
    }

    /** Whether the model's out-of-sample MASE is below seasonal naive's. */
    public boolean beatsSeasonalNaive() {
        return relativeMase < 1;
    }
}
