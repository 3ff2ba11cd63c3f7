package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A business-hours calendar was stored: the tenant's default ({@code teamId} null) or a team's, first or replaced.
 *
 * @param tenantId   the tenant
 * @param calendarId the calendar
 * @param teamId     the team whose calendar it is, or null for the tenant's default
 * @param version    its version now (1 for a first calendar)
 * @param zone       its time zone id
 * @param periods    how many working periods its week holds
 * @param holidays   how many holidays it holds
 * @param occurredAt when it was stored
 */
@EventType("business-calendar.saved")
public record BusinessCalendarSaved(String tenantId, UUID calendarId, UUID teamId, long version, String zone,
        int periods, int holidays, Instant occurredAt) implements ServiceLevelEvent {
    @Override
    public String aggregateType() {
        return CALENDAR;
    }

    @Override
    public String aggregateId() {
        return calendarId.toString();
    }
}
