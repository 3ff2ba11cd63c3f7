package dev.crmkit.spi.ticket;

import java.util.Optional;

/**
 * Service-level policies, one per tenant, replaced whole by compare-and-set on the version, so that of two changes
 * racing on two nodes exactly one is stored and the other learns it.
 */
public interface SlaPolicyStore {
    /**
     * Stores {@code policy} as its tenant's policy if the stored one is at {@code expectedVersion}, or, with
     * {@code expectedVersion} 0, if there is none yet. The stored policy is at version {@code expectedVersion + 1}
     * whatever version {@code policy} carries; replacing keeps the stored {@code id} and {@code createdAt} and takes
     * the targets and {@code updatedAt} from {@code policy}. Returns the stored record, as {@link #get} reads it back.
     *
     * @throws dev.crmkit.model.ValidationException ({@code expectedVersion}) when negative, ({@code policy}) when null
     * @throws dev.crmkit.model.ConflictException (retryable) when the stored version is not {@code expectedVersion};
     *     nothing changes
     */
    SlaPolicyRecord save(SlaPolicyRecord policy, long expectedVersion);

    /** The tenant's policy, or empty. */
    Optional<SlaPolicyRecord> get(String tenantId);
}
