package dev.crmkit.spi.ticket;

import dev.crmkit.model.Checks;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket waiting in the routing queue because no agent could take it when it was routed. One per ticket at most.
 *
 * <ul>
 *   <li>{@code ticketId}: the ticket, required.</li>
 *   <li>{@code teamId}: the team (or support tier) it waits for, or null for any agent the routing rules allow.</li>
 *   <li>{@code assigneeId}: the assignee the ticket had when it started waiting (a ticket being passed on to another
 *       team), or null.</li>
 *   <li>{@code waitingSince}: when it started waiting, required, truncated to microseconds.</li>
 * </ul>
 */
public record WaitingTicketRecord(String tenantId, UUID ticketId, UUID teamId, UUID assigneeId,
        Instant waitingSince) {
    /**
     * Checks the rules above.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public WaitingTicketRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("ticketId", ticketId);
        waitingSince = Checks.instant("waitingSince", waitingSince);
    }
}
