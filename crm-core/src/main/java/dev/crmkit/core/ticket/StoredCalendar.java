package dev.crmkit.core.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A business-hours calendar as the tenant stored it, with the version to replace it over.
 *
 * @param id        the calendar's id
 * @param teamId    the team it is for, or null for the tenant's default
 * @param version   its version (pass it to {@link TicketService#saveCalendar} to replace it)
 * @param updatedAt when it was last stored
 * @param calendar  the calendar
 */
public record StoredCalendar(UUID id, UUID teamId, long version, Instant updatedAt, BusinessCalendar calendar) {
}
