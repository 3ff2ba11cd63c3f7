package dev.crmkit.spi.loyalty;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.PurchaseSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Orders and their returns, scoped by tenant in every call. An order's lines are fixed when it is stored; returns are
 * appended with {@link #addReturn} and never change; only {@link #moveAll} changes an order's customer. Whether a
 * return fits its order (lines that exist, no more than was bought) is the core's rule: the store keeps what it is
 * given.
 */
public interface PurchaseStore {
    /** The most lines an order or a return holds. */
    int MAX_LINES = 500;

    /**
     * Stores a new order at version 1, whatever version it carries.
     *
     * @throws ValidationException ({@code returns}) when the order carries returns
     * @throws DuplicateException with {@code key() = "id"} when the id exists in the tenant, or
     *     {@code key() = "orderReference"} when the reference does; nothing is stored
     */
    PurchaseRecord insert(PurchaseRecord purchase);

    /** The order with this id in this tenant, with its lines and returns. */
    Optional<PurchaseRecord> get(String tenantId, UUID id);

    /** The order stored under this host reference in this tenant; references compare exactly. */
    Optional<PurchaseRecord> findByOrderReference(String tenantId, String orderReference);

    /** The order that holds the return stored under this host reference in this tenant; compared exactly. */
    Optional<PurchaseRecord> findByReturnReference(String tenantId, String returnReference);

    /**
     * Appends a return to the order at version {@code expectedVersion + 1} with {@code updatedAt} {@code at}; the
     * order's other parts and its earlier returns stay as stored.
     *
     * @return the stored order, the new return last
     * @throws ConflictException when the stored version is not {@code expectedVersion}; nothing changes
     * @throws NotFoundException when the tenant has no such order
     * @throws DuplicateException with {@code key() = "returnReference"} when the tenant holds a return under the
     *     reference, on any order, or {@code key() = "returnId"} when it holds one with the id; nothing changes
     */
    PurchaseRecord addReturn(String tenantId, UUID purchaseId, PurchaseReturnRecord added, Instant at,
            long expectedVersion);

    /**
     * One page of a customer's orders, newest first: by id descending in {@link dev.crmkit.spi.Ids#ORDER} (the core's
     * ids are time-ordered). Keyset paging neither skips nor repeats orders while others are stored.
     */
    Page<PurchaseRecord> forCustomer(String tenantId, UUID customerId, PageRequest page);

    /**
     * What the customer's orders add up to, one summary per currency the customer bought in, by currency code
     * ascending; empty for a customer without orders. Computed by the storage from the stored orders and returns, so
     * it is up to date with every order and return stored before, in the same unit too.
     */
    List<PurchaseSummary> summaries(String tenantId, UUID customerId);

    /**
     * Moves every order of {@code fromCustomerId} to {@code toCustomerId}, raising each one's version by 1 and
     * setting its updatedAt to {@code now}.
     *
     * @return how many moved
     */
    int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now);
}
