package dev.crmkit.core.forecast;

import dev.crmkit.model.ValidationException;
import java.util.List;

/**
 * Observations at regular intervals, oldest first, such as a tenant's closed-won revenue per month, with the length
 * of its seasonal cycle: 12 for months, 4 for quarters, 1 for a series without seasons.
 *
 * @param values the observations, oldest first; every one a finite number
 * @param seasonalPeriod how many observations make one seasonal cycle, from 1 (no seasons) to 24
 */
public record TimeSeries(List<Double> values, int seasonalPeriod) {
    /** The longest seasonal cycle the models handle, as in R's {@code forecast::ets}. */
    public static final int MAX_SEASONAL_PERIOD = 24;

    /**
     * Copies the values.
     *
     * @throws ValidationException ({@code values}) when null, empty or holding a null, NaN or infinite value;
     *     ({@code seasonalPeriod}) when it is below 1 or above {@value #MAX_SEASONAL_PERIOD}
     */
    public TimeSeries {
        if (values == null || values.isEmpty()) {
            throw new ValidationException("values", "must hold at least one observation");
        }
        for (int i = 0; i < values.size(); i++) {
            Double value = values.get(i);
            if (value == null || !Double.isFinite(value)) {
                throw new ValidationException("values[" + i + "]", "must be a finite number");
            }
        }
        if (seasonalPeriod < 1 || seasonalPeriod > MAX_SEASONAL_PERIOD) {
            throw new ValidationException("seasonalPeriod", "must be from 1 to " + MAX_SEASONAL_PERIOD);
        }
        values = List.copyOf(values);
    }

    /** A monthly series: a seasonal cycle of 12. */
    public static TimeSeries monthly(double... values) {
        return of(12, values);
    }

    /** A series with the given seasonal cycle. */
    public static TimeSeries of(int seasonalPeriod, double... values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return new TimeSeries(List.of(boxed), seasonalPeriod);
    }

    /** The number of observations. */
    public int size() {
        return values.size();
    }

    /** Whether every observation is above zero, which the multiplicative models need. */
    public boolean positive() {
        return values.stream().allMatch(v -> v > 0);
    }

    /** The first {@code size} observations, a history a backtest forecasts from. */
    public TimeSeries head(int size) {
        if (size < 1 || size > size()) {
            throw new ValidationException("size", "must be from 1 to the series' length");
        }
        return new TimeSeries(values.subList(0, size), seasonalPeriod);
    }

    double[] array() {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
