package dev.crmkit.model.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * What a product return ticket refers to: the return authorization (RMA) the company issued and the host's references
 * of the product and the order. All three are opaque codes of 1 to 100 characters, compared exactly as given.
 *
 * @param authorization the return authorization reference
 * @param productRef    the host's reference of the product coming back
 * @param orderRef      the host's reference of the order it was bought with
 */
public record ProductReturn(String authorization, String productRef, String orderRef) {
    /** The longest reference. */
    public static final int MAX_REFERENCE = 100;

    /**
     * Checks the references.
     *
     * @throws ValidationException ({@code productReturn.authorization}, {@code productReturn.productRef},
     *     {@code productReturn.orderRef}) when one is missing, blank or longer than {@link #MAX_REFERENCE}
     */
    public ProductReturn {
        Checks.text("productReturn.authorization", authorization, MAX_REFERENCE);
        Checks.text("productReturn.productRef", productRef, MAX_REFERENCE);
        Checks.text("productReturn.orderRef", orderRef, MAX_REFERENCE);
    }
}
