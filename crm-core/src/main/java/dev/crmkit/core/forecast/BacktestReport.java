package dev.crmkit.core.forecast;

import dev.crmkit.model.ValidationException;
import java.util.List;

/**
 * The result of a {@link Backtest}: one accuracy per forecaster, seasonal naive first.
 *
 * @param horizon the steps each origin forecast
 * @param origins how many origins were forecast from
 * @param models the accuracies, seasonal naive first, then in the order the forecasters were given
 */
public record BacktestReport(int horizon, int origins, List<ModelAccuracy> models) {
    /**
     * Copies the list.
     *
     * @throws ValidationException ({@code horizon}, {@code origins}) when below 1; ({@code models}) when null or
     *     empty
     */
    public BacktestReport {
        if (horizon < 1) {
            throw new ValidationException("horizon", "must be at least 1");
        }
        if (origins < 1) {
            throw new ValidationException("origins", "must be at least 1");
        }
        if (models == null || models.isEmpty()) {
            throw new ValidationException("models", "must hold at least one model");
        }
        models = List.copyOf(models);
    }

    /**
     * The accuracy of the forecaster of that name.
     *
     * @throws ValidationException ({@code model}) when no forecaster of that name took part
     */
    public ModelAccuracy accuracy(String model) {
        return models.stream().filter(a -> a.model().equals(model)).findFirst()
                .orElseThrow(() -> new ValidationException("model", "took no part in this backtest"));
    }

    /** The forecaster with the smallest MASE. */
    public ModelAccuracy best() {
        return models.stream().min(java.util.Comparator.comparingDouble(ModelAccuracy::mase)).orElseThrow();
    }
}
