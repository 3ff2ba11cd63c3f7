package dev.crmkit.core.customer;

import dev.crmkit.model.Checks;
import java.util.Set;
import java.util.UUID;

/**
 * An existing customer that may be the same party as another: its id, a score between 0 and 1 (reasons combine
 * as independent evidence, {@code 1 - prod(1 - weight)}) and the reasons found.
 */
public record DuplicateCandidate(UUID customerId, double score, Set<MatchReason> reasons) {
    /**
     * Copies the reasons.
     *
     * @throws dev.crmkit.model.ValidationException ({@code customerId}) when the id is null; ({@code reasons}) when the
     *     set is null or holds null
     */
    public DuplicateCandidate {
        Checks.id("customerId", customerId);
        reasons = Set.copyOf(Checks.noNulls("reasons", reasons));
    }
}
