/**
 * Stored customers (persons and organizations), their contact points and their person-organization
 * relationships, and the {@link dev.crmkit.model.customer.CustomerCriterion criteria} that select them.
 */
package dev.crmkit.spi.customer;

import dev.crmkit.model.customer.CustomerCriterion;
