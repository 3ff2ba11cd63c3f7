package dev.crmkit.core.forecast;

import dev.crmkit.model.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which exponential smoothing model: how errors enter (added to or multiplying the forecast), the trend (none,
 * linear, or linear and damped) and the seasonality (none, added, or multiplying). Written as R writes it:
 * {@code ETS(M,Ad,M)} is multiplicative errors, a damped trend and multiplicative seasons.
 *
 * <p>Simple exponential smoothing is {@code ETS(A,N,N)}, Holt's linear trend {@code ETS(A,A,N)} (damped:
 * {@code ETS(A,Ad,N)}), Holt-Winters additive {@code ETS(A,A,A)} and multiplicative {@code ETS(M,A,M)}.
 *
 * @param error how errors enter
 * @param trend the trend
 * @param season the seasonality
 */
public record EtsForm(ErrorType error, TrendType trend, SeasonType season) {
    /** How the one-step errors enter the observation. */
    public enum ErrorType {
        /** Added: the spread of the errors does not depend on the level. */
        ADDITIVE,
        /** Relative: the spread grows with the level. Needs positive data. */
        MULTIPLICATIVE
    }

    /** The trend component. */
    public enum TrendType {
        /** No trend: the forecast is flat apart from the seasons. */
        NONE,
        /** A linear trend that continues for ever. */
        ADDITIVE,
        /** A linear trend that flattens out with every step ahead (damping {@code phi} below 1). */
        DAMPED
    }

    /** The seasonal component. */
    public enum SeasonType {
        /** No seasons. */
        NONE,
        /** Seasons add a fixed amount per period of the cycle. */
        ADDITIVE,
        /** Seasons scale the level by a factor per period of the cycle. Needs positive data. */
        MULTIPLICATIVE
    }

    /**
     * @throws ValidationException ({@code error}, {@code trend}, {@code season}) when null; ({@code season}) for
     *     additive errors with multiplicative seasons, which R's {@code ets} excludes because its likelihood is
     *     numerically unstable
     */
    public EtsForm {
        if (error == null) {
            throw new ValidationException("error", "is required");
        }
        if (trend == null) {
            throw new ValidationException("trend", "is required");
        }
        if (season == null) {
            throw new ValidationException("season", "is required");
        }
        if (error == ErrorType.ADDITIVE && season == SeasonType.MULTIPLICATIVE) {
            throw new ValidationException("season", "multiplicative seasons need multiplicative errors");
        }
    }

    /**
     * The form R names, such as {@code ETS(M,Ad,M)} or {@code MAdM}.
     *
     * @throws ValidationException ({@code name}) when it names no form
     */
    public static EtsForm parse(String name) {
        Objects.requireNonNull(name, "name");
        String letters = name.replace("ETS(", "").replace(")", "").replace(",", "").trim();
        if (!letters.matches("[AM](N|A|Ad)[NAM]")) {
            throw new ValidationException("name", "is no ETS form such as ETS(M,Ad,M)");
        }
        ErrorType error = letters.charAt(0) == 'A' ? ErrorType.ADDITIVE : ErrorType.MULTIPLICATIVE;
        TrendType trend = letters.contains("d") ? TrendType.DAMPED
                : letters.charAt(1) == 'A' ? TrendType.ADDITIVE : TrendType.NONE;
        char s = letters.charAt(letters.length() - 1);
        SeasonType season = s == 'N' ? SeasonType.NONE : s == 'A' ? SeasonType.ADDITIVE : SeasonType.MULTIPLICATIVE;
        return new EtsForm(error, trend, season);
    }

    /**
     * The forms {@link EtsModel#select} considers for a series, in R's order: every error, trend and season type
     * (seasons only for a seasonal series, multiplicative parts only for positive data), without additive errors
     * with multiplicative seasons and without the forms that have too many parameters for the series' length.
     */
    public static List<EtsForm> candidates(TimeSeries series) {
        Objects.requireNonNull(series, "series");
        List<EtsForm> forms = new ArrayList<>();
        for (ErrorType error : ErrorType.values()) {
            for (TrendType trend : TrendType.values()) {
                for (SeasonType season : SeasonType.values()) {
                    boolean seasonalOk = season == SeasonType.NONE || series.seasonalPeriod() > 1;
                    boolean multiplicative = error == ErrorType.MULTIPLICATIVE || season == SeasonType.MULTIPLICATIVE;
                    boolean allowed = !(error == ErrorType.ADDITIVE && season == SeasonType.MULTIPLICATIVE);
                    if (seasonalOk && allowed && (!multiplicative || series.positive())) {
                        EtsForm form = new EtsForm(error, trend, season);
                        if (form.fitsLength(series)) {
                            forms.add(form);
                        }
                    }
                }
            }
        }
        return List.copyOf(forms);
    }

    /** Whether the model has a trend. */
    public boolean trended() {
        return trend != TrendType.NONE;
    }

    /** Whether the model has seasons. */
    public boolean seasonal() {
        return season != SeasonType.NONE;
    }

    /** Whether the model has a damping parameter {@code phi}. */
    public boolean damped() {
        return trend == TrendType.DAMPED;
    }

    /** R's name: {@code ETS(M,Ad,M)}. */
    public String name() {
        String e = error == ErrorType.ADDITIVE ? "A" : "M";
        String t = switch (trend) {
            case NONE -> "N";
            case ADDITIVE -> "A";
            case DAMPED -> "Ad";
        };
        String s = switch (season) {
            case NONE -> "N";
            case ADDITIVE -> "A";
            case MULTIPLICATIVE -> "M";
        };
        return "ETS(" + e + "," + t + "," + s + ")";
    }

    /**
     * Whether the series is long enough for this form: as R's {@code ets}, more than four observations beyond the
     * smoothing parameters and initial states, and for seasons at least three full cycles, which the classical
     * decomposition that starts the seasonal states needs (R starts shorter series from a Fourier regression instead).
     */
    boolean fitsLength(TimeSeries series) {
        int m = series.seasonalPeriod();
        int parameters = 2 + (trended() ? 2 : 0) + (seasonal() ? m : 0) + (damped() ? 1 : 0);
        boolean seasonsKnowable = !seasonal() || (m > 1 && series.size() >= 3 * m);
        return series.size() > parameters + 4 && seasonsKnowable;
    }

    /** The number of states: level, trend if any, and one per period of the cycle if seasonal. */
    int stateCount(int seasonalPeriod) {
        return 1 + (trended() ? 1 : 0) + (seasonal() ? seasonalPeriod : 0);
    }

    @Override
    public String toString() {
        return name();
    }
}
