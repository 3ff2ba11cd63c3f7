package dev.crmkit.model.customer;

/** Where a customer stands in the relationship: not yet buying, buying, or no longer buying. */
public enum LifecycleStage {
    /** Known to the company, and has not bought yet. */
    PROSPECT,
    /** Buying: has bought, and the relationship goes on. */
    CUSTOMER,
    /** Bought before and no longer does: churned, or the relationship ended. */
    FORMER_CUSTOMER
}
