package dev.crmkit.core.lead;

import java.time.Duration;

/**
 * One line of a rep's work queue: the lead, its priority by {@link WorkQueuePriority}, how old it is, and the
 * time left to its first-contact target (negative when overdue, null once contacted).
 */
public record QueueEntry(Lead lead, int priority, Duration age, Duration timeToFirstContact) {
    /** Whether the first-contact target has passed without a contact. */
    public boolean isOverdue() {
        return timeToFirstContact != null && timeToFirstContact.isNegative();
    }
}
