package dev.crmkit.core.forecast;

import dev.crmkit.core.common.DomainEvent;
import java.util.UUID;

/**
 * The domain events of sales quotas, recorded in the outbox in the same transaction as the change and delivered in
 * order per quota. Payloads carry ids, codes, amounts and times.
 */
public sealed interface ForecastEvent extends DomainEvent permits QuotaSet {
    /** The aggregate type of every quota event. */
    String QUOTA = "forecast.quota";

    /** The quota. */
    UUID quotaId();

    @Override
    default String aggregateType() {
        return QUOTA;
    }

    @Override
    default String aggregateId() {
        return quotaId().toString();
    }
}
