package dev.crmkit.core.customer;

import dev.crmkit.model.Checks;
import java.util.Set;
import java.util.UUID;

/**
 * Two or more live customers of a tenant that the matching rules connect, directly or through each other, with
 * every reason that connected some pair of them. A clerk reviews a group and merges what is truly one party.
 */
public record DuplicateGroup(Set<UUID> customerIds, Set<MatchReason> reasons) {
    /**
     * Copies both sets.
     *
     * @throws dev.crmkit.model.ValidationException ({@code customerIds}, {@code reasons}) when a set is null or holds
     *     null
     */
    public DuplicateGroup {
        customerIds = Set.copyOf(Checks.noNulls("customerIds", customerIds));
        reasons = Set.copyOf(Checks.noNulls("reasons", reasons));
    }
}
