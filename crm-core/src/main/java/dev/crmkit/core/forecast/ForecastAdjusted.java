package dev.crmkit.core.forecast;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.forecast.QuotaScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A manager above the member adjusted the member's forecast for a period ({@code REP}: the member's own deals,
 * {@code TEAM}: their team's), as version {@code version} of that forecast; {@code adjustedBy} is the manager.
 */
@EventType("forecast.adjusted")
public record ForecastAdjusted(String tenantId, UUID submissionId, UUID memberId, QuotaScope scope, String period,
        long version, UUID adjustedBy, String currency, BigDecimal commit, BigDecimal bestCase, BigDecimal pipeline,
        Instant occurredAt) implements ForecastEvent {
    @Override
    public String aggregateType() {
        return FORECAST;
    }

    @Override
    public String aggregateId() {
        return ForecastEvent.forecastId(memberId, scope, period);
    }
}
