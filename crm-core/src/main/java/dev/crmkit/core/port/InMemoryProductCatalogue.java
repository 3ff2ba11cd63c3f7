package dev.crmkit.core.port;

import dev.crmkit.model.Checks;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A product catalogue held in memory, the same for every tenant: for tests, examples and hosts whose catalogue is
 * small enough to hand over at start-up. Thread-safe.
 */
public final class InMemoryProductCatalogue implements ProductCatalogue {
    private final Map<String, CatalogueProduct> products = new ConcurrentHashMap<>();

    /** Adds a product, or replaces the one with its reference; returns this catalogue. */
    public InMemoryProductCatalogue add(CatalogueProduct product) {
        Checks.required("product", product);
        products.put(product.productReference(), product);
        return this;
    }

    @Override
    public Optional<CatalogueProduct> product(String tenantId, String productReference) {
        return Optional.ofNullable(products.get(productReference));
    }
}
