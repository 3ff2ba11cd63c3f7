package dev.crmkit.model.forecast;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;

/**
 * The numbers of a forecast submission in one currency, cumulative as a sales manager reads them: {@code commit} is
 * what the member commits to win in the period in total (deals closed already included), {@code bestCase} what can be
 * won if the likely deals close too, {@code pipeline} what is won if every open deal of the period closes. So
 * {@code commit <= bestCase <= pipeline}. Closed-won is not submitted: the deals say it.
 *
 * @param currency ISO 4217 code of every amount
 * @param commit the commit forecast, zero or more, at most four places (kept at scale 4)
 * @param bestCase the best-case forecast, at least {@code commit}
 * @param pipeline the pipeline forecast, at least {@code bestCase}
 */
public record ForecastFigures(String currency, BigDecimal commit, BigDecimal bestCase, BigDecimal pipeline) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming {@code currency}, {@code commit}, {@code bestCase} or {@code pipeline}: the
     *     first that is missing, negative, too precise, or below the category before it
     */
    public ForecastFigures {
        currency = Checks.currency("currency", currency);
        commit = Checks.amount("commit", commit);
        bestCase = Checks.amount("bestCase", bestCase);
        pipeline = Checks.amount("pipeline", pipeline);
        if (bestCase.compareTo(commit) < 0) {
            throw new ValidationException("bestCase", "must be at least commit (the figures are cumulative)");
        }
        if (pipeline.compareTo(bestCase) < 0) {
            throw new ValidationException("pipeline", "must be at least bestCase (the figures are cumulative)");
        }
    }

    /** The figures from decimal strings ({@code "120000.50"}). */
    public static ForecastFigures of(String currency, String commit, String bestCase, String pipeline) {
        return new ForecastFigures(currency, decimal("commit", commit), decimal("bestCase", bestCase),
                decimal("pipeline", pipeline));
    }

    /** Whether both hold the same currency and amounts, whatever the scale they were written at. */
    public boolean sameAs(ForecastFigures other) {
        return other != null && currency.equals(other.currency) && commit.compareTo(other.commit) == 0
                && bestCase.compareTo(other.bestCase) == 0 && pipeline.compareTo(other.pipeline) == 0;
    }

    private static BigDecimal decimal(String field, String value) {
        Checks.required(field, value);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "must be a decimal number");
        }
    }
}
