/**
 * Sales forecasting: the tenant's fiscal calendar ({@link dev.crmkit.core.forecast.FiscalCalendar}: which fiscal
 * month, quarter and year a close date falls in), the pipeline forecast by period, owner, team and forecast category,
 * and the statistical forecast: exponential smoothing of a monthly (or any regularly spaced) series such as closed-won
 * revenue, with prediction intervals and a backtest that says how much a model is worth; quotas; forecast submissions
 * and adjustments kept as history; pipeline snapshots taken on schedule; and the accuracy of both for a closed period.
 *
 * <p>Start at {@link dev.crmkit.core.forecast.ForecastService}: {@code pipeline(QUARTER, day, 4, "EUR")} asks the
 * storage for the deals of four fiscal quarters grouped by period, owner, category and currency (one aggregate query),
 * converts them through the host's {@link dev.crmkit.core.port.ExchangeRates} and rolls them up the management
 * hierarchy. {@link dev.crmkit.core.forecast.EtsModel}: {@code EtsModel.select(series)} fits every exponential
 * smoothing model that suits the series by maximum likelihood, keeps the one with the smallest AICc, and
 * {@code forecast(h, 0.80, 0.95)} gives the next {@code h} values with their intervals.
 * {@link dev.crmkit.core.forecast.HoltWinters} is the classical Holt-Winters method, fitted by the smallest sum of
 * squared one-step errors; {@link dev.crmkit.core.forecast.Backtest} compares forecasters by rolling origin with MASE
 * and sMAPE against the seasonal naive forecast. The numbers follow R's {@code forecast::ets} and
 * {@code stats::HoltWinters}; the tests check them against those references. The statistics are pure computation on
 * {@code double}s (money is summed elsewhere and handed in as numbers).
 *
 * <p>Uses {@code team} (the management hierarchy, through {@code TeamService}), {@code port} (exchange rates),
 * {@code scheduling} (snapshots fall due as due work) and {@code module}; it reads the opportunity domain's deals
 * through the storage contract's {@code OpportunityStorage} and names no class of the opportunity package. Bad input
 * is refused with the contract's {@code ValidationException}.
 */
package dev.crmkit.core.forecast;
