package dev.crmkit.core.forecast;

import dev.crmkit.core.port.ExchangeRate;

/**
 * Which exchange rate converted the deals of one period and currency into a forecast's reporting currency.
 *
 * @param period the fiscal period
 * @param rate the rate the {@link dev.crmkit.core.port.ExchangeRates} port answered, with the day it applies from
 */
public record RateUsed(FiscalPeriod period, ExchangeRate rate) {
}
