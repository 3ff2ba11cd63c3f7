package dev.crmkit.core.forecast;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.model.forecast.QuotaScope;
import java.util.UUID;

/**
 * The domain events of the forecast domain, recorded in the outbox in the same transaction as the change: quotas set
 * (aggregate {@value #QUOTA}, per quota), forecasts submitted and adjusted (aggregate {@value #FORECAST}, per member,
 * scope and period, so a forecast's versions arrive in order) and pipeline snapshots taken (aggregate
 * {@value #SNAPSHOT}). Payloads carry ids, codes, amounts and times; never a name.
 */
public sealed interface ForecastEvent extends DomainEvent
        permits QuotaSet, ForecastSubmitted, ForecastAdjusted, PipelineSnapshotTaken {
    /** The aggregate type of every quota event. */
    String QUOTA = "forecast.quota";

    /** The aggregate type of submissions and adjustments: one member's forecast for a scope and period. */
    String FORECAST = "forecast";

    /** The aggregate type of pipeline snapshots. */
    String SNAPSHOT = "forecast.snapshot";

    /** The aggregate id of a member's forecast for a scope and period: {@code memberId/scope/period}. */
    static String forecastId(UUID memberId, QuotaScope scope, String period) {
        return memberId + "/" + scope + "/" + period;
    }
}
