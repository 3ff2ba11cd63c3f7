package dev.crmkit.spi.loyalty;

import java.util.Optional;
import java.util.UUID;

/**
 * The tenants' loyalty programmes with their accrual rules. Scoped by tenant in every call; a programme is replaced
 * whole, rules included, by compare-and-set on its version.
 */
public interface ProgrammeStore {
    /**
     * Stores a new programme at version 1, whatever version the record carries, with its rules in the given order.
     *
     * @throws dev.crmkit.model.DuplicateException ({@code id}) when the tenant has a programme with the id,
     *     ({@code code}) when it has one with the code (compared exactly); nothing is stored
     */
    ProgrammeRecord insert(ProgrammeRecord programme);

    /**
     * Replaces the programme's currency, rates, return window, rules (whole, in the given order) and
     * {@code updatedAt}, at version {@code expectedVersion + 1}; its code and {@code createdAt} stay as stored.
     * Returns the record as {@link #get} reads it back.
     *
     * @throws dev.crmkit.model.ConflictException when the stored version is not {@code expectedVersion}; nothing
     *     changes
     * @throws dev.crmkit.model.NotFoundException when the tenant has no programme with the record's id
     */
    ProgrammeRecord update(ProgrammeRecord programme, long expectedVersion);

    /** The programme with this id, with its rules in their order, or empty. */
    Optional<ProgrammeRecord> get(String tenantId, UUID id);

    /** The programme with this code (compared exactly), with its rules in their order, or empty. */
    Optional<ProgrammeRecord> findByCode(String tenantId, String code);

    /**
     * The expiry policy of the programme with this code (compared exactly), or empty: what {@link #findByCode} reads
     * as its {@code expiryKind} and {@code expiryMonths}. Every posting asks for it, so a store may read it without
     * the rules; the default reads the whole programme.
     */
    default Optional<ProgrammeExpiry> findExpiry(String tenantId, String code) {
        return findByCode(tenantId, code).map(ProgrammeExpiry::of);
    }
}
