package dev.crmkit.core.port;

import java.util.Optional;

/**
 * The host's product catalogue, which stays the host's: CRMKit asks it what category a product is in and what it costs
 * (to fill in a purchase line reported without its category, and for accrual rules by category) and keeps no copy.
 * An implementation is thread-safe, answers from the host's own data without calling back into CRMKit, and returns
 * empty for a product it does not know.
 */
public interface ProductCatalogue {
    /** The product with this reference in this tenant's catalogue, or empty when the catalogue does not know it. */
    Optional<CatalogueProduct> product(String tenantId, String productReference);

    /** A catalogue that knows no product: every purchase line then names its category itself. */
    static ProductCatalogue none() {
        return (tenantId, productReference) -> Optional.empty();
    }
}
