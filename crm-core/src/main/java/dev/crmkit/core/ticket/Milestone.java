package dev.crmkit.core.ticket;

import dev.crmkit.model.ticket.MilestoneKind;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A service-level milestone of a ticket as read at an instant, measured in business time of the ticket's calendar
 * (its team's, else the tenant's).
 *
 * @param id          the milestone's id
 * @param ticketId    the ticket
 * @param kind        which milestone
 * @param target      the business time allowed
 * @param dueAt       when the target is reached if the clock keeps running; null while it is paused or once it is
 *                    completed
 * @param timeLeft    the business time left until the target at the instant read (frozen while paused, final once
 *                    completed); negative once overdue
 * @param completedAt when it was reached, or null
 * @param breached    whether it was (or, still open, is) past its target
 * @param running     whether its clock runs
 */
public record Milestone(UUID id, UUID ticketId, MilestoneKind kind, Duration target, Instant dueAt, Duration timeLeft,
        Instant completedAt, boolean breached, boolean running) {
}
