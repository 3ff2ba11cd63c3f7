package dev.crmkit.spi.loyalty;

import java.util.Optional;

/**
 * The tier schemes of a tenant's programmes, one per programme. Scoped by tenant in every call; a scheme is replaced
 * whole, tiers included, by compare-and-set on its version.
 */
public interface TierSchemeStore {
    /**
     * Stores a new scheme at version 1, whatever version the record carries, with its tiers in the given order.
     *
     * @throws dev.crmkit.model.DuplicateException ({@code id}) when the tenant has a scheme with the id,
     *     ({@code programme}) when the programme has one already (codes compared exactly); nothing is stored
     */
    TierSchemeRecord insert(TierSchemeRecord scheme);

    /**
     * Replaces the scheme's basis, window, tiers (whole, in the given order) and {@code updatedAt} at version
     * {@code expectedVersion + 1}; its programme and {@code createdAt} stay as stored. Returns the record as
     * {@link #findByProgramme} reads it back.
     *
     * @throws dev.crmkit.model.ConflictException (retryable) when the stored version is not {@code expectedVersion};
     *     nothing changes
     * @throws dev.crmkit.model.NotFoundException when the tenant has no scheme with the record's id
     */
    TierSchemeRecord update(TierSchemeRecord scheme, long expectedVersion);

    /** The programme's scheme, with its tiers and each tier's benefits in their order, or empty. */
    Optional<TierSchemeRecord> findByProgramme(String tenantId, String programme);
}
