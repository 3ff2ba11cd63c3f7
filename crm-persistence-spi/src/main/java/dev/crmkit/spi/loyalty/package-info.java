/**
 * Loyalty and purchases: the orders and returns a host reports as facts, with what they add up to per customer
 * (recency, frequency, monetary value). Start at {@link dev.crmkit.spi.loyalty.LoyaltyStorage}.
 */
package dev.crmkit.spi.loyalty;
