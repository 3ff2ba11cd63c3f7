package dev.crmkit.spi.forecast;

import dev.crmkit.spi.StorageCapability;

/** The storage capability of the forecast domain: sales quotas. */
public interface ForecastStorage extends StorageCapability {
    /** Sales quotas per member, scope and fiscal period. */
    QuotaStore quotas();
}
