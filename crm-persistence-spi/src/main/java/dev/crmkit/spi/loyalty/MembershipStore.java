package dev.crmkit.spi.loyalty;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Loyalty memberships, scoped by tenant in every call. A membership's programme and member number never change;
 * {@link #update} stores its customer, status and balances.
 */
public interface MembershipStore {
    /**
     * Stores a new membership at version 1, whatever version it carries.
     *
     * @throws DuplicateException with {@code key() = "id"} when the id exists in the tenant,
     *     {@code key() = "memberNumber"} when the number does, or {@code key() = "customer"} when the customer has a
     *     membership in the programme already; nothing is stored
     */
    MembershipRecord insert(MembershipRecord membership);

    /** The membership with this id in this tenant. */
    Optional<MembershipRecord> get(String tenantId, UUID id);

    /** The membership with this member number in this tenant; numbers compare exactly. */
    Optional<MembershipRecord> findByMemberNumber(String tenantId, String memberNumber);

    /** The customer's membership in the programme, in this tenant. */
    Optional<MembershipRecord> findByCustomer(String tenantId, String programme, UUID customerId);

    /** Every membership of the customer in this tenant, one per programme at most, by programme code. */
    List<MembershipRecord> forCustomer(String tenantId, UUID customerId);

    /**
     * Stores the membership's customer, status, balances and {@code updatedAt} at version {@code expectedVersion + 1};
     * its programme and member number stay as stored, whatever the record says.
     *
     * @return the stored membership
     * @throws ConflictException when the stored version is not {@code expectedVersion}; nothing changes
     * @throws NotFoundException when the tenant has no such membership
     * @throws DuplicateException with {@code key() = "customer"} when the new customer has a membership in the
     *     programme already; nothing changes
     */
    MembershipRecord update(MembershipRecord membership, long expectedVersion);
}
