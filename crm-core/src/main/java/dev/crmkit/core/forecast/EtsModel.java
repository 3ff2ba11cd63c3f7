package dev.crmkit.core.forecast;

import dev.crmkit.model.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An exponential smoothing state-space model fitted to a series (the ETS framework of Hyndman et al., 2008, as R's
 * {@code forecast::ets} implements it): its form, smoothing parameters and initial states, how well it fits
 * (log-likelihood, AIC, AICc, BIC, the error variance), its one-step fitted values, and forecasts with prediction
 * intervals.
 *
 * <pre>{@code
 * EtsModel model = EtsModel.select(TimeSeries.monthly(revenue));   // every suitable form, smallest AICc
 * Forecast next = model.forecast(12, 0.80, 0.95);
 * next.mean();                          // the expected revenue of each of the next 12 months
 * next.interval(0.95).upper();          // 95 of 100 months should stay below these, if the model holds
 * }</pre>
 *
 * <p>The log-likelihood is R's: {@code -n/2 log(SSE)} (minus {@code sum log|forecast|} for multiplicative errors),
 * the Gaussian likelihood with its variance concentrated out and the constants dropped, so the numbers are
 * comparable with R's, and between forms fitted to the same series, but not with other software's.
 */
public final class EtsModel {
    private final TimeSeries series;
    private final EtsForm form;
    private final SmoothingParameters parameters;
    private final double[] initialStates;
    private final EtsRecursion.Pass pass;
    private final int freeParameters;

    private EtsModel(TimeSeries series, EtsForm form, SmoothingParameters parameters, double[] initialStates) {
        this.series = series;
        this.form = form;
        this.parameters = parameters;
        this.initialStates = initialStates;
        this.pass = EtsRecursion.run(series.array(), form, series.seasonalPeriod(), parameters, initialStates);
        int smoothing = 1 + (form.trended() ? 1 : 0) + (form.seasonal() ? 1 : 0) + (form.damped() ? 1 : 0);
        this.freeParameters = smoothing + initialStates.length - (form.seasonal() ? 1 : 0);
    }

    /**
     * Fits the form by maximum likelihood.
     *
     * @throws ValidationException ({@code series}) when it is too short for the form (see
     *     {@link EtsForm#candidates}), has no seasons for a seasonal form, or is not positive for a form with
     *     multiplicative parts
     */
    public static EtsModel fit(TimeSeries series, EtsForm form) {
        check(series, form);
        EtsFitter.Fit fit = new EtsFitter(series.array(), form, series.seasonalPeriod()).fit();
        return new EtsModel(series, form, fit.parameters(),
                EtsStart.complete(fit.freeStates(), form, series.seasonalPeriod()));
    }

    /**
     * Fits every form {@link EtsForm#candidates} lists for the series and returns the one with the smallest AICc,
     * as {@code forecast::ets(y)} does.
     *
     * @throws ValidationException ({@code series}) when it is too short for any form (fewer than seven
     *     observations)
     */
    public static EtsModel select(TimeSeries series) {
        return fitAll(series).stream().min(Comparator.comparingDouble(EtsModel::aicc)).orElseThrow();
    }

    /**
     * Every candidate form fitted, in the order of {@link EtsForm#candidates}, for a caller that wants to show how
     * the forms compare.
     *
     * @throws ValidationException ({@code series}) when null or too short for any form
     */
    public static List<EtsModel> fitAll(TimeSeries series) {
        if (series == null) {
            throw new ValidationException("series", "is required");
        }
        List<EtsForm> forms = EtsForm.candidates(series);
        if (forms.isEmpty()) {
            throw new ValidationException("series", "is too short for any exponential smoothing model");
        }
        List<EtsModel> models = new ArrayList<>(forms.size());
        for (EtsForm form : forms) {
            models.add(fit(series, form));
        }
        return List.copyOf(models);
    }

    /**
     * The model with given parameters and initial states, fitting nothing: to reproduce a model fitted elsewhere
     * (R's {@code ets} with its {@code par} and {@code states[1, ]}) or to forecast from a stored one.
     *
     * @param initialStates every initial state, {@code [l, b, s1, ..., sm]} without the parts the form lacks
     * @throws ValidationException ({@code initialStates}) when its length does not match the form; ({@code series})
     *     as for {@link #fit}
     */
    public static EtsModel withParameters(TimeSeries series, EtsForm form, SmoothingParameters parameters,
            List<Double> initialStates) {
        check(series, form);
        Objects.requireNonNull(parameters, "parameters");
        if (initialStates == null || initialStates.size() != form.stateCount(series.seasonalPeriod())) {
            throw new ValidationException("initialStates", "must hold " + form.stateCount(series.seasonalPeriod())
                    + " states for " + form.name());
        }
        double[] states = initialStates.stream().mapToDouble(Double::doubleValue).toArray();
        return new EtsModel(series, form, parameters, states);
    }

    private static void check(TimeSeries series, EtsForm form) {
        if (series == null) {
            throw new ValidationException("series", "is required");
        }
        if (form == null) {
            throw new ValidationException("form", "is required");
        }
        if (form.seasonal() && series.seasonalPeriod() < 2) {
            throw new ValidationException("series", "has no seasons for " + form.name());
        }
        if (!form.fitsLength(series)) {
            throw new ValidationException("series", "is too short for " + form.name());
        }
        boolean multiplicative = form.error() == EtsForm.ErrorType.MULTIPLICATIVE
                || form.season() == EtsForm.SeasonType.MULTIPLICATIVE;
        if (multiplicative && !series.positive()) {
            throw new ValidationException("series", "must be positive for " + form.name());
        }
    }

    /** The series the model was fitted to. */
    public TimeSeries series() {
        return series;
    }

    /** The form. */
    public EtsForm form() {
        return form;
    }

    /** The smoothing parameters. */
    public SmoothingParameters parameters() {
        return parameters;
    }

    /** The initial states {@code [l, b, s1, ..., sm]} (without the parts the form lacks), as R's {@code states[1, ]}. */
    public List<Double> initialStates() {
        return toList(initialStates);
    }

    /** The states after the last observation, which the forecast starts from. */
    public List<Double> finalStates() {
        return toList(pass.finalState());
    }

    /** The log-likelihood, as R's {@code ets} reports it (see the class documentation). */
    public double logLikelihood() {
        return -0.5 * pass.criterion();
    }

    /**
     * The number of estimated parameters the information criteria count: the smoothing parameters, the free initial
     * states (the last season follows from the others) and the error variance.
     */
    public int parameterCount() {
        return freeParameters + 1;
    }

    /** Akaike's information criterion: {@code -2 logLik + 2k}. */
    public double aic() {
        return pass.criterion() + 2 * parameterCount();
    }

    /** AIC corrected for small samples: {@code AIC + 2k(k+1)/(n-k-1)}; the smaller, the better the form. */
    public double aicc() {
        int k = parameterCount();
        int n = series.size();
        return aic() + 2.0 * k * (k + 1) / (n - k - 1);
    }

    /** The Bayesian information criterion: {@code -2 logLik + k log n}. */
    public double bic() {
        return pass.criterion() + Math.log(series.size()) * parameterCount();
    }

    /**
     * The variance of the one-step errors (relative errors for multiplicative errors): their sum of squares over
     * {@code n} minus the free parameters, as R computes it.
     */
    public double sigma2() {
        return pass.sumOfSquaredErrors() / (series.size() - freeParameters);
    }

    /** The one-step forecasts of the observations, from the state before each. */
    public List<Double> fitted() {
        return toList(pass.fitted());
    }

    /** The one-step errors: absolute for additive errors, relative to the forecast for multiplicative ones. */
    public List<Double> residuals() {
        return toList(pass.errors());
    }

    /**
     * The forecast of the next {@code h} values with a prediction interval per level, from the model's closed-form
     * mean and variance (normal intervals: mean plus and minus the normal quantile times the standard deviation).
     *
     * @throws ValidationException ({@code h}) when below 1; ({@code levels}) when a level is not strictly between 0
     *     and 1
     */
    public Forecast forecast(int h, double... levels) {
        if (h < 1) {
            throw new ValidationException("h", "must be at least 1");
        }
        for (double level : levels) {
            if (!(level > 0 && level < 1)) {
                throw new ValidationException("levels", "must be above 0 and below 1");
            }
        }
        EtsVariance.Moments moments = EtsVariance.of(form, series.seasonalPeriod(), parameters, pass.finalState(),
                sigma2(), h);
        List<PredictionInterval> intervals = new ArrayList<>(levels.length);
        for (double level : levels) {
            double z = Normal.quantile(0.5 + level / 2);
            double[] lower = new double[h];
            double[] upper = new double[h];
            for (int i = 0; i < h; i++) {
                double half = z * Math.sqrt(Math.max(moments.variance()[i], 0));
                lower[i] = moments.mean()[i] - half;
                upper[i] = moments.mean()[i] + half;
            }
            intervals.add(new PredictionInterval(level, toList(lower), toList(upper)));
        }
        return new Forecast(form.name(), toList(moments.mean()), intervals);
    }

    /** The point forecasts of the recursion, which equal the mean except for multiplicative seasons. */
    List<Double> pointForecasts(int h) {
        return toList(EtsRecursion.pointForecasts(pass.finalState(), form, series.seasonalPeriod(),
                parameters.phi(), h));
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return List.copyOf(list);
    }

    @Override
    public String toString() {
        return form.name() + " AICc " + aicc();
    }
}
