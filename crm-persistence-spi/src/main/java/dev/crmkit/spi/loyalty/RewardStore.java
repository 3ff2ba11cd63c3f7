package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's stored rewards catalogue. Scoped by tenant in every call; a reward changes (its stock included) only by
 * compare-and-set on its version, so two redemptions that read the same stock cannot both take from it.
 */
public interface RewardStore {
    /**
     * Stores a new reward at version 1, whatever version the record carries.
     *
     * @throws dev.crmkit.model.DuplicateException ({@code id}) when the tenant has a reward with the id,
     *     ({@code code}) when it has one with the code (compared exactly); nothing is stored
     */
    RewardRecord insert(RewardRecord reward);

    /**
     * Stores the reward's name, cost, validity window, stock and {@code updatedAt} at version
     * {@code expectedVersion + 1}; its code and {@code createdAt} stay as stored, whatever the record says. Returns
     * the record as {@link #get} reads it back.
     *
     * @throws dev.crmkit.model.ConflictException (retryable) when the stored version is not {@code expectedVersion};
     *     nothing changes
     * @throws dev.crmkit.model.NotFoundException when the tenant has no reward with the record's id
     */
    RewardRecord update(RewardRecord reward, long expectedVersion);

    /** The reward with this id, or empty. */
    Optional<RewardRecord> get(String tenantId, UUID id);

    /** The reward with this code (compared exactly), or empty. */
    Optional<RewardRecord> findByCode(String tenantId, String code);

    /**
     * One page of the tenant's rewards, whatever their window and stock, ordered by code (binary, as Java's
     * {@code String.compareTo} orders text of the basic multilingual plane). The cursor holds the last code.
     */
    Page<RewardRecord> page(String tenantId, PageRequest page);
}
