package dev.crmkit.spi.lead;

import java.util.Optional;

/**
 * The tenants' trained lead-scoring models, one current model per tenant, replaced by compare-and-set on its version
 * so that two trainings racing on two nodes cannot both win. Scoped by tenant in every call.
 */
public interface LeadModelStore {
    /**
     * Makes {@code model} the tenant's current model if the tenant's current model is at {@code expectedVersion}, or,
     * with {@code expectedVersion} 0, if the tenant has none yet. The stored model is at version
     * {@code expectedVersion + 1} whatever version {@code model} carries; replacing a model keeps the stored
     * {@code id} and {@code createdAt} and takes the rest from {@code model}. Returns the stored record, as
     * {@link #current} reads it back.
     *
     * @throws dev.crmkit.model.ValidationException ({@code expectedVersion}) when it is negative, ({@code model}) when
     *     it is null
     * @throws dev.crmkit.model.ConflictException when the tenant's current version is not {@code expectedVersion}
     *     (another training stored a model first, or there is none to replace); nothing changes
     */
    LeadModelRecord save(LeadModelRecord model, long expectedVersion);

    /** The tenant's current model, or empty when none was stored. */
    Optional<LeadModelRecord> current(String tenantId);

    /**
     * The version of the tenant's current model, 0 when there is none: a read of one short row without the body, so
     * that a node holding a model in memory can check it is still current before scoring with it.
     */
    long currentVersion(String tenantId);
}
