package dev.crmkit.core.forecast;

import dev.crmkit.model.opportunity.ForecastCategory;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The pipeline forecast of consecutive fiscal periods in one reporting currency: per period and forecast category,
 * the deals of each owner, of each manager's team (the manager and everyone reporting to them, directly or through
 * other managers), and of everyone, with the exchange rates that converted them. Won deals count as closed in the
 * period of their close instant, open deals in the period of their expected close date. Lines are ordered by period,
 * then member (null first, then id order), then category; a combination without deals has no line.
 *
 * @param currency the reporting currency
 * @param periods the periods, oldest first
 * @param owners the lines per owner; {@code memberId} null for deals without owner
 * @param teams the lines per manager, rolled up the management hierarchy; only members who manage someone
 * @param totals the lines of all deals; {@code memberId} null
 * @param rates the rates used, one per period and currency other than the reporting currency, ordered by period and
 *     currency code
 */
public record PipelineForecast(Currency currency, List<FiscalPeriod> periods, List<ForecastLine> owners,
        List<ForecastLine> teams, List<ForecastLine> totals, List<RateUsed> rates) {
    /** Copies the lists. */
    public PipelineForecast {
        Objects.requireNonNull(currency, "currency");
        periods = List.copyOf(periods);
        owners = List.copyOf(owners);
        teams = List.copyOf(teams);
        totals = List.copyOf(totals);
        rates = List.copyOf(rates);
    }

    /** The line of an owner (null: unowned deals) in a period and category, zero when there is none. */
    public ForecastLine owner(FiscalPeriod period, UUID ownerId, ForecastCategory category) {
        return find(owners, period, ownerId, category);
    }

    /** The line of a manager's team in a period and category, zero when there is none. */
    public ForecastLine team(FiscalPeriod period, UUID managerId, ForecastCategory category) {
        return find(teams, period, managerId, category);
    }

    /** The line of all deals in a period and category, zero when there is none. */
    public ForecastLine total(FiscalPeriod period, ForecastCategory category) {
        return find(totals, period, null, category);
    }

    private ForecastLine find(List<ForecastLine> lines, FiscalPeriod period, UUID memberId,
            ForecastCategory category) {
        for (ForecastLine line : lines) {
            if (line.period().equals(period) && Objects.equals(line.memberId(), memberId)
                    && line.category() == category) {
                return line;
            }
        }
        BigDecimal zero = BigDecimal.ZERO.setScale(Math.max(currency.getDefaultFractionDigits(), 0));
        return new ForecastLine(period, memberId, category, 0, zero, zero);
    }
}
