package dev.crmkit.core.lead;

import java.util.UUID;

/**
 * What converting a lead produced: the converted lead, the customer (and whether it is new), the opportunity if
 * one was opened (null otherwise), and how many of the lead's touch points moved to the customer.
 */
public record Conversion(Lead lead, UUID customerId, boolean newCustomer, UUID opportunityId, int touchPointsMoved) {
}
