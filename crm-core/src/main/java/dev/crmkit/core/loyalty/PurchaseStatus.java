package dev.crmkit.core.loyalty;

/**
 * How much of an order came back. An order is {@link #COMPLETED} when recorded; a return moves it to
 * {@link #PARTLY_RETURNED} or, once every unit of every line is back, to {@link #RETURNED}, after which nothing more
 * can be returned. The allowed moves are in {@code PurchaseAggregate}.
 */
public enum PurchaseStatus {
    /** Bought, nothing returned. */
    COMPLETED,
    /** Some units came back. */
    PARTLY_RETURNED,
    /** Every unit came back. */
    RETURNED
}
