/**
 * Loyalty: what customers buy and return, reported by the host as facts (an order with its lines, returns against
 * it), and what that adds up to per customer: recency, frequency and monetary value. Points, programmes, tiers and
 * rewards build on these purchases.
 *
 * <p>Start at {@link dev.crmkit.core.loyalty.PurchaseService}; an order's rules, its returns included, are in
 * {@code PurchaseAggregate}, its wiring in {@link dev.crmkit.core.loyalty.LoyaltyModule}. Its events are the records
 * implementing {@link dev.crmkit.core.loyalty.PurchaseEvent}. Uses {@code common}, {@code module}, {@code port} (the
 * host's {@link dev.crmkit.core.port.ProductCatalogue}) and the customer records of the storage contract (to check that
 * a customer exists and to follow a merged customer to its survivor); it refers to customers by id only.
 */
package dev.crmkit.core.loyalty;
