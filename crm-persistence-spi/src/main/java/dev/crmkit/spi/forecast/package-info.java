/**
 * The storage contract of the forecast domain: {@link dev.crmkit.spi.forecast.ForecastStorage} with its
 * {@link dev.crmkit.spi.forecast.QuotaStore} of sales quotas per member, scope and fiscal period and its
 * {@link dev.crmkit.spi.forecast.SubmissionStore} of forecast submissions, versioned and kept as history, and its
 * {@link dev.crmkit.spi.forecast.SnapshotStore} of pipeline snapshots taken on schedule.
 */
package dev.crmkit.spi.forecast;
