package dev.crmkit.spi.customer;

/** Where a customer stands in the relationship: not yet buying, buying, or no longer buying. */
public enum LifecycleStage {
    PROSPECT,
    CUSTOMER,
    FORMER_CUSTOMER
}
