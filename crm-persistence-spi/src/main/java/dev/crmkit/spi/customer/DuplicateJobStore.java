package dev.crmkit.spi.customer;

import java.util.Optional;

/**
 * The checkpoints of the bulk duplicate job, one per tenant and job name, replaced by compare-and-set on the version:
 * of two runs taking or advancing the same job at once, on one node or several, exactly one stores and the other
 * learns it. Scoped by tenant in every call.
 */
public interface DuplicateJobStore {
    /**
     * Stores {@code job} as its tenant's checkpoint of that job name if the stored one is at {@code expectedVersion},
     * or, with {@code expectedVersion} 0, if there is none yet. The stored record is at version
     * {@code expectedVersion + 1} whatever version {@code job} carries; replacing keeps the stored {@code id} and
     * {@code createdAt} and takes everything else from {@code job}. Returns the stored record, as {@link #get} reads
     * it back.
     *
     * @throws dev.crmkit.model.ValidationException ({@code job}) when null; ({@code expectedVersion}) when negative
     * @throws dev.crmkit.model.ConflictException (retryable) when the stored version is not {@code expectedVersion}
     *     (another run stored first, a racing first checkpoint included, or there is none to replace); nothing
     *     changes
     */
    DuplicateJobRecord save(DuplicateJobRecord job, long expectedVersion);

    /**
     * The tenant's checkpoint of the job name, or empty.
     *
     * @throws dev.crmkit.model.ValidationException ({@code tenantId}, {@code job}) when malformed
     */
    Optional<DuplicateJobRecord> get(String tenantId, String job);
}
