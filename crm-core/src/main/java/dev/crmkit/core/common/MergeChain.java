package dev.crmkit.core.common;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStore;
import java.util.UUID;

/**
 * Follows a merged customer to the customer that survived the merge. A merge leaves the merged record behind
 * with {@code mergedInto} pointing at the survivor, so ids that callers kept from before the merge still work;
 * when the survivor was itself merged later, the chain is followed on, up to {@value #MAX_HOPS} hops.
 */
public final class MergeChain {
    /** The longest chain of merges followed; a longer one (or a cycle) is reported as a conflict. */
    public static final int MAX_HOPS = 16;

    private MergeChain() {
    }

    /**
     * The live customer that {@code customerId} is or was merged into: one store call for a live customer, one
     * more per merge hop.
     *
     * @throws NotFoundException when the tenant has no customer with this id (or the chain leads nowhere)
     * @throws ConflictException when the chain is longer than {@value #MAX_HOPS}
     */
    public static CustomerRecord survivor(CustomerStore customers, String tenantId, UUID customerId) {
        Checks.id("customerId", customerId);
        UUID id = customerId;
        for (int hop = 0; hop <= MAX_HOPS; hop++) {
            UUID current = id;
            CustomerRecord customer = customers.get(tenantId, current)
                    .orElseThrow(() -> new NotFoundException("customer", current));
            if (!customer.isMerged()) {
                return customer;
            }
            id = customer.mergedInto();
        }
        throw new ConflictException("customer " + customerId + " is merged more than " + MAX_HOPS + " times over");
    }
}
