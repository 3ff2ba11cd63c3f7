package dev.crmkit.spi.customer;

import java.util.Set;
import java.util.UUID;

/**
 * A normalized value (an e-mail address, a phone number, a name key) that two or more live customers share:
 * the raw material of a duplicate group. {@code customerIds} holds at least two ids.
 */
public record SharedValue(String value, Set<UUID> customerIds) {
    /**
     * Copies the customer ids into an unmodifiable set.
     *
     * @throws NullPointerException when the set is null or holds null
     */
    public SharedValue {
        customerIds = Set.copyOf(customerIds);
    }
}
