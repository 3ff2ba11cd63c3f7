package dev.crmkit.core.forecast;

import dev.crmkit.model.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Backtesting by rolling origin (time-series cross-validation): each forecaster is fitted to the first {@code t}
 * observations and forecasts the next {@code h}, for every origin {@code t} from {@code firstOrigin} to
 * {@code n - h}; the forecasts are scored against what happened with MASE and sMAPE, and compared with the seasonal
 * naive forecast, which always takes part.
 *
 * <pre>{@code
 * BacktestReport report = Backtest.rollingOrigin(series, 3, 36,
 *         List.of(Forecaster.automaticEts(), Forecaster.holtWinters(HoltWinters.Variant.MULTIPLICATIVE)));
 * report.accuracy("ETS by AICc").relativeMase();   // below 1: better than seasonal naive
 * }</pre>
 */
public final class Backtest {
    private Backtest() {
    }

    /**
     * Runs the backtest.
     *
     * @param horizon how many steps each origin forecasts, at least 1
     * @param firstOrigin the length of the first history, more than one seasonal cycle
     * @param forecasters the forecasters to compare (seasonal naive is added first, and not twice)
     * @throws ValidationException ({@code series}) when null or constant over a history (MASE would divide by
     *     zero); ({@code horizon}) when below 1; ({@code firstOrigin}) when not above the seasonal period or when
     *     {@code firstOrigin + horizon} exceeds the series; ({@code forecasters}) when null or holding a null; and any
     *     error of a forecaster, such as a history too short for its model
     */
    public static BacktestReport rollingOrigin(TimeSeries series, int horizon, int firstOrigin,
            List<Forecaster> forecasters) {
        if (series == null) {
            throw new ValidationException("series", "is required");
        }
        if (horizon < 1) {
            throw new ValidationException("horizon", "must be at least 1");
        }
        if (firstOrigin <= series.seasonalPeriod()) {
            throw new ValidationException("firstOrigin", "must be more than one seasonal cycle");
        }
        if (firstOrigin + horizon > series.size()) {
            throw new ValidationException("firstOrigin", "leaves fewer than horizon observations to forecast");
        }
        if (forecasters == null || forecasters.stream().anyMatch(java.util.Objects::isNull)) {
            throw new ValidationException("forecasters", "must be a list without nulls");
        }
        List<Forecaster> all = new ArrayList<>();
        Forecaster naive = Forecaster.seasonalNaive();
        all.add(naive);
        forecasters.stream().filter(f -> !f.name().equals(naive.name())).forEach(all::add);
        int origins = series.size() - horizon - firstOrigin + 1;
        double[] scales = new double[origins];
        for (int o = 0; o < origins; o++) {
            scales[o] = naiveScale(series, firstOrigin + o);
        }
        List<double[]> scores = new ArrayList<>();
        for (Forecaster forecaster : all) {
            scores.add(score(series, horizon, firstOrigin, scales, forecaster));
        }
        double naiveMase = scores.get(0)[0];
        List<ModelAccuracy> accuracies = new ArrayList<>();
        int count = origins * horizon;
        for (int i = 0; i < all.size(); i++) {
            double mase = scores.get(i)[0];
            accuracies.add(new ModelAccuracy(all.get(i).name(), mase, scores.get(i)[1], mase / naiveMase, count));
        }
        return new BacktestReport(horizon, origins, accuracies);
    }

    /** {MASE, sMAPE} of one forecaster over every origin and step. */
    private static double[] score(TimeSeries series, int horizon, int firstOrigin, double[] scales,
            Forecaster forecaster) {
        double scaledErrors = 0;
        double percentages = 0;
        int count = 0;
        for (int o = 0; o < scales.length; o++) {
            int origin = firstOrigin + o;
            List<Double> forecast = forecaster.forecast(series.head(origin), horizon);
            if (forecast.size() != horizon) {
                throw new ValidationException("forecasters", forecaster.name() + " gave no forecast per step");
            }
            for (int step = 0; step < horizon; step++) {
                double actual = series.values().get(origin + step);
                double predicted = forecast.get(step);
                double error = Math.abs(actual - predicted);
                scaledErrors += error / scales[o];
                double denominator = Math.abs(actual) + Math.abs(predicted);
                percentages += denominator == 0 ? 0 : 200 * error / denominator;
                count++;
            }
        }
        return new double[] {scaledErrors / count, percentages / count};
    }

    /** The in-sample mean absolute error of the one-step seasonal naive forecast over the first {@code n} values. */
    private static double naiveScale(TimeSeries series, int n) {
        int m = series.seasonalPeriod();
        double sum = 0;
        for (int i = m; i < n; i++) {
            sum += Math.abs(series.values().get(i) - series.values().get(i - m));
        }
        if (sum == 0) {
            throw new ValidationException("series", "is constant over a history, so MASE is undefined");
        }
        return sum / (n - m);
    }
}
