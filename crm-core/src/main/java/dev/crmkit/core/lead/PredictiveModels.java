package dev.crmkit.core.lead;

import dev.crmkit.spi.Checks;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trained predictive models of the tenants, held by one {@code Crm} in memory. Each application node trains
 * its own from the same stored history ({@link LeadService#trainPredictiveModel()}, typically nightly from the
 * host's scheduler), so nodes agree without sharing state. Thread-safe.
 */
public final class PredictiveModels {
    private final Map<String, NaiveBayesLeadModel> byTenant = new ConcurrentHashMap<>();

    /** The model of a tenant, if one was trained. */
    public Optional<NaiveBayesLeadModel> of(String tenantId) {
        return Optional.ofNullable(byTenant.get(Checks.tenantId("tenantId", tenantId)));
    }

    void install(String tenantId, NaiveBayesLeadModel model) {
        byTenant.put(tenantId, model);
    }
}
