package dev.crmkit.core.forecast;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.forecast.QuotaScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A quota was set for the first time ({@code version} 1) or changed. */
@EventType("forecast.quota.set")
public record QuotaSet(String tenantId, UUID quotaId, UUID memberId, QuotaScope scope, String period,
        BigDecimal amount, String currency, long version, Instant occurredAt) implements ForecastEvent {
    @Override
    public String aggregateType() {
        return QUOTA;
    }

    @Override
    public String aggregateId() {
        return quotaId.toString();
    }
}
