package dev.crmkit.core.forecast;

import dev.crmkit.model.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A way of forecasting a series from its history, for {@link Backtest} to compare: a name and a function from the
 * history and a horizon to the point forecasts.
 */
public interface Forecaster {
    /** The name the backtest reports it under. */
    String name();

    /**
     * The point forecasts of the {@code h} values after {@code history}.
     *
     * @throws ValidationException when the history does not suit the method (too short, not positive)
     */
    List<Double> forecast(TimeSeries history, int h);

    /**
     * The seasonal naive forecast: each future value is the last observed value of the same period of the cycle
     * (the last value, without seasons). The benchmark MASE is scaled by.
     */
    static Forecaster seasonalNaive() {
        return new Named("seasonal naive", (history, h) -> {
            int m = history.seasonalPeriod();
            int n = history.size();
            if (n < m) {
                throw new ValidationException("history", "needs a full seasonal cycle");
            }
            List<Double> forecast = new ArrayList<>(h);
            for (int step = 0; step < h; step++) {
                forecast.add(history.values().get(n - m + step % m));
            }
            return List.copyOf(forecast);
        });
    }

    /** The given exponential smoothing form, refitted to every history by maximum likelihood. */
    static Forecaster ets(EtsForm form) {
        Objects.requireNonNull(form, "form");
        return new Named(form.name(), (history, h) -> EtsModel.fit(history, form).forecast(h).mean());
    }

    /** The exponential smoothing form with the smallest AICc, chosen again for every history. */
    static Forecaster automaticEts() {
        return new Named("ETS by AICc", (history, h) -> EtsModel.select(history).forecast(h).mean());
    }

    /** Holt-Winters of the given variant, refitted to every history by least squares. */
    static Forecaster holtWinters(HoltWinters.Variant variant) {
        Objects.requireNonNull(variant, "variant");
        String name = "Holt-Winters " + variant.name().toLowerCase(java.util.Locale.ROOT);
        return new Named(name, (history, h) -> HoltWinters.fit(history, variant).forecast(h));
    }

    /** A forecaster of a name and a function. */
    record Named(String name, Method method) implements Forecaster {
        /** The forecasting function of a {@link Named} forecaster. */
        @FunctionalInterface
        public interface Method {
            /** The point forecasts of the {@code h} values after {@code history}. */
            List<Double> forecast(TimeSeries history, int h);
        }

        /**
         * @throws ValidationException ({@code name}) when null or blank; ({@code method}) when null
         */
        public Named {
            if (name == null || name.isBlank()) {
                throw new ValidationException("name", "is required");
            }
            if (method == null) {
                throw new ValidationException("method", "is required");
            }
        }

        /** Calls the method. */
        @Override
        public List<Double> forecast(TimeSeries history, int h) {
            return method.forecast(history, h);
        }
    }
}
