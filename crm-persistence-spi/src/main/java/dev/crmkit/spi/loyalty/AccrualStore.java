package dev.crmkit.spi.loyalty;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What purchases earned memberships, scoped by tenant in every call. An accrual's membership, purchase, due time and
 * lines never change; {@link #update} moves its status, over the version it was read at.
 */
public interface AccrualStore {
    /**
     * Stores a new accrual at version 1, whatever version it carries.
     *
     * @throws DuplicateException with {@code key() = "id"} when the id exists in the tenant, or
     *     {@code key() = "purchase"} when the membership has an accrual for the purchase already; nothing is stored
     */
    AccrualRecord insert(AccrualRecord accrual);

    /** The accrual with this id in this tenant. */
    Optional<AccrualRecord> get(String tenantId, UUID id);

    /** Every accrual of the purchase in this tenant (one per membership that earned), by id in Ids order. */
    List<AccrualRecord> forPurchase(String tenantId, UUID purchaseId);

    /**
     * Stores the accrual's status and {@code updatedAt} at version {@code expectedVersion + 1}; everything else stays
     * as stored, whatever the record says.
     *
     * @return the stored accrual
     * @throws ConflictException when the stored version is not {@code expectedVersion}; nothing changes
     * @throws NotFoundException when the tenant has no such accrual
     */
    AccrualRecord update(AccrualRecord accrual, long expectedVersion);
}
