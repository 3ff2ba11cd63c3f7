package dev.crmkit.model.archfixture;

import dev.crmkit.spi.customer.CustomerStore;

/** A deliberate violation of decision 5 (a model type naming a type of the storage contract). */
public final class ModelCodeNamingAStore {
    CustomerStore customers;
}
