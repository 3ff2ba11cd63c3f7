package dev.crmkit.core.forecast;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.forecast.QuotaScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A member submitted their own forecast for a period: for their own deals ({@code REP}) or their team ({@code TEAM}),
 * as version {@code version} of that forecast. The figures are cumulative: commit, best case, pipeline.
 */
@EventType("forecast.submitted")
public record ForecastSubmitted(String tenantId, UUID submissionId, UUID memberId, QuotaScope scope, String period,
        long version, String currency, BigDecimal commit, BigDecimal bestCase, BigDecimal pipeline,
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
