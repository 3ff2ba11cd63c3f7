package dev.crmkit.core.forecast;

import dev.crmkit.model.opportunity.ForecastCategory;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * One figure of a {@link PipelineForecast}: the deals of one period and forecast category for one owner, one manager's
 * team, or everyone, with their amount and probability-weighted amount in the forecast's reporting currency.
 *
 * @param period the fiscal period the deals close in
 * @param memberId the owner (owner lines; null: unowned deals), the manager (team lines), or null (totals)
 * @param category closed (won), commit, best case or pipeline
 * @param deals how many deals
 * @param amount their amounts converted and summed, rounded half-even to the reporting currency's places
 * @param weightedAmount their amounts times probability / 100 (won deals at 100 %), converted, summed and rounded alike
 */
public record ForecastLine(FiscalPeriod period, UUID memberId, ForecastCategory category, long deals,
        BigDecimal amount, BigDecimal weightedAmount) {
}
