package dev.crmkit.spi.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A service agent's routing slot: when routing last gave the agent a ticket, and a version that every routing to the
 * agent moves on. Routing reads the slot before it counts the agent's open tickets and saves it over the version it
 * read, so two nodes that route to one agent at once conflict instead of both counting a free place that only one of
 * them can take. One per member at most.
 *
 * <ul>
 *   <li>{@code memberId}: the team member, required.</li>
 *   <li>{@code lastRoutedAt}: when routing last gave the member a ticket; required (a slot is stored by a routing).</li>
 * </ul>
 */
public record AgentSlotRecord(String tenantId, UUID id, long version, Instant createdAt, Instant updatedAt,
        UUID memberId, Instant lastRoutedAt) implements StoredRecord {

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and every
     * instant is truncated to microseconds.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public AgentSlotRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.id("memberId", memberId);
        lastRoutedAt = Checks.instant("lastRoutedAt", lastRoutedAt);
    }
}
