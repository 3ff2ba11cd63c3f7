package dev.crmkit.core.port;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * What the host's catalogue says of one product: its reference, its category code (at most 64 characters) and its
 * list price.
 *
 * @param productReference the host's product reference, at most 100 characters
 * @param category the category code
 * @param listPrice the price of one unit
 */
public record CatalogueProduct(String productReference, String category, Money listPrice) {
    /**
     * Checks that every part is present and fits.
     *
     * @throws ValidationException naming the first component that does not
     */
    public CatalogueProduct {
        Checks.text("productReference", productReference, 100);
        Checks.text("category", category, 64);
        Checks.required("listPrice", listPrice);
    }
}
