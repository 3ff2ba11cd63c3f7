package dev.crmkit.core.ticket;

import dev.crmkit.model.ticket.MilestoneKind;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What an {@link EscalationAction} is asked about: a ticket whose milestone nears its breach or reached it.
 *
 * @param ticket          the ticket as it is now (after the step's earlier actions)
 * @param milestone       the milestone that escalates
 * @param beforeBreach    how long before the due time the step runs; zero at breach
 * @param dueAt           the milestone's due time
 * @param assigneeTeamId  the team of the ticket's assignee, or null when it has no assignee or the assignee no team
 */
public record Escalating(Ticket ticket, MilestoneKind milestone, Duration beforeBreach, Instant dueAt,
        UUID assigneeTeamId) {
}
