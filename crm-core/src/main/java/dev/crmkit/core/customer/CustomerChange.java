package dev.crmkit.core.customer;

import dev.crmkit.spi.customer.CustomerRecord;
import java.util.List;

/**
 * What one behaviour of a {@link CustomerAggregate} did: the profile record the customer held before, the one it holds
 * now, and the events the change caused, in order. The service stores {@code after} over {@code before}'s version and
 * records the events; a change without events changed nothing and is not stored.
 */
record CustomerChange(CustomerRecord before, CustomerRecord after, List<CustomerEvent> events) {
    CustomerChange {
        events = List.copyOf(events);
    }

    /** No change to a customer. */
    static CustomerChange none(CustomerRecord customer) {
        return new CustomerChange(customer, customer, List.of());
    }

    /** Whether there is anything to store. */
    boolean changed() {
        return !events.isEmpty();
    }
}
