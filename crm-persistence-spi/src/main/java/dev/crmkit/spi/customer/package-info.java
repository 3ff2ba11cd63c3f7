/**
 * Stored customers (persons and organizations), their contact points and their person-organization
 * relationships, and the {@link dev.crmkit.spi.customer.CustomerCriterion criteria} that select them.
 */
package dev.crmkit.spi.customer;
