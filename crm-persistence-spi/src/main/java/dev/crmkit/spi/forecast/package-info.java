/**
 * The storage contract of the forecast domain: {@link dev.crmkit.spi.forecast.ForecastStorage} and its
 * {@link dev.crmkit.spi.forecast.QuotaStore} of sales quotas per member, scope and fiscal period.
 */
package dev.crmkit.spi.forecast;
