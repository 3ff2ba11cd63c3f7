package dev.crmkit.core.loyalty;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's purchases: the orders and returns the host reports as facts, and what they are worth per customer. Get
 * it from a tenant handle: {@code crm.tenant("acme").service(PurchaseService.class)}. Each method is one unit of
 * work; a rejected call changes nothing.
 */
public interface PurchaseService {
    /**
     * Records an order, with a {@link PurchaseRecorded} event. A line without its category takes the one the
     * {@link dev.crmkit.core.port.ProductCatalogue} gives. Idempotent by the host's order reference: the same order
     * reported again returns the order recorded first and records nothing. In the same unit the order accrues for
     * each active membership of the customer in a defined programme: the points stay pending until the programme's
     * return window passes ({@link PointsPending}), or are available at once when it has passed already
     * ({@link PurchasePointsPosted}); a customer who enrols later earns nothing for it.
     *
     * @throws ValidationException ({@code customerId}) when the tenant has no such customer;
     *     ({@code lines[i].category}) when a line has no category and the catalogue does not know its product
     * @throws ConflictException when the order reference was recorded for a different order (another customer,
     *     channel, time or lines); or (retryable) when concurrent changes of a member's points won the membership
     *     three times over (retry it: it is idempotent by the order reference)
     */
    Purchase record(RecordPurchase command);

    /**
     * Records goods that came back against an order, with a {@link PurchaseReturned} event. Idempotent by the host's
     * return reference: the same return reported again returns the order as it stands and records nothing. In the
     * same unit the points the returned lines earned are taken back ({@link PurchasePointsReversed}): cancelled while
     * pending, else reversed from the balances as far as they go, the rest recorded as owed.
     *
     * @throws NotFoundException when the tenant has no order under the order reference
     * @throws ValidationException ({@code lines[i].lineNumber}, {@code lines[i].quantity}, {@code lines[i].amount})
     *     when a line names no order line, brings back more units than the line still has, or refunds more than the
     *     line has left to refund or in another currency
     * @throws IllegalTransitionException when everything the order held came back already
     * @throws ConflictException when the return reference was recorded for a different return
     */
    Purchase recordReturn(RecordReturn command);

    /**
     * The order with this id.
     *
     * @throws NotFoundException when the tenant has none
     */
    Purchase purchase(UUID purchaseId);

    /**
     * The order recorded under the host's reference.
     *
     * @throws NotFoundException when the tenant has none
     */
    Purchase purchaseByOrderReference(String orderReference);

    /**
     * One page of the customer's orders, newest recorded first; a merged customer's id reads the survivor's.
     *
     * @throws NotFoundException when the tenant has no such customer
     */
    Page<Purchase> purchasesOf(UUID customerId, PageRequest page);

    /**
     * What the customer's orders are worth, one {@link CustomerValue} per currency the customer bought in, by currency
     * code; empty before the first order. Up to date with every order and return recorded before. A merged customer's
     * id reads the survivor's.
     *
     * @throws NotFoundException when the tenant has no such customer
     */
    List<CustomerValue> valueOf(UUID customerId);
}
