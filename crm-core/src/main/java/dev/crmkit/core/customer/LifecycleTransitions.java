package dev.crmkit.core.customer;

import static dev.crmkit.spi.customer.LifecycleStage.CUSTOMER;
import static dev.crmkit.spi.customer.LifecycleStage.FORMER_CUSTOMER;
import static dev.crmkit.spi.customer.LifecycleStage.PROSPECT;

import dev.crmkit.spi.IllegalTransitionException;
import dev.crmkit.spi.customer.LifecycleStage;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A customer's life in one table: a prospect becomes a customer by buying, a customer becomes a former customer
 * when the relationship ends, and a former customer who buys again is a customer again (win-back). A former
 * customer never becomes a prospect again, and nothing moves to the stage it is in.
 */
final class LifecycleTransitions {
    private static final Map<LifecycleStage, Set<LifecycleStage>> ALLOWED = new EnumMap<>(Map.of(
            PROSPECT, Set.of(CUSTOMER),
            CUSTOMER, Set.of(FORMER_CUSTOMER),
            FORMER_CUSTOMER, Set.of(CUSTOMER)));

    private LifecycleTransitions() {
    }

    static void check(LifecycleStage from, LifecycleStage to) {
        if (!ALLOWED.get(from).contains(to)) {
            throw new IllegalTransitionException("customer", from, to);
        }
    }
}
