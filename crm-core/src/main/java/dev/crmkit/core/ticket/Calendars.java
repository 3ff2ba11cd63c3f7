package dev.crmkit.core.ticket;

import dev.crmkit.model.team.WorkingPeriod;
import dev.crmkit.spi.ticket.BusinessCalendarRecord;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns {@link BusinessCalendar}s into stored records and back. */
final class Calendars {
    private Calendars() {
    }

    /**
     * The record of {@code calendar} for the team (null: the tenant's default), at version 1 and {@code now}.
     *
     * @throws dev.crmkit.model.ValidationException ({@code opens}, {@code closes}) when a time has seconds
     */
    static BusinessCalendarRecord record(String tenantId, UUID id, UUID teamId, BusinessCalendar calendar,
            Instant now) {
        List<WorkingPeriod> periods = new ArrayList<>();
        calendar.weekly().forEach((day, hours) -> hours.forEach(h -> periods.add(new WorkingPeriod(day, h.opens(),
                h.closes()))));
        return new BusinessCalendarRecord(tenantId, id, 1, now, now, teamId, calendar.zone().getId(), periods,
                calendar.holidays());
    }

    /** The calendar a record holds. */
    static BusinessCalendar calendar(BusinessCalendarRecord record) {
        Map<DayOfWeek, List<BusinessHours>> week = new EnumMap<>(DayOfWeek.class);
        for (WorkingPeriod p : record.hours()) {
            week.computeIfAbsent(p.day(), d -> new ArrayList<>()).add(new BusinessHours(p.opens(), p.closes()));
        }
        return new BusinessCalendar(ZoneId.of(record.zone()), week, record.holidays());
    }

    /** The stored calendar as the service returns it. */
    static StoredCalendar stored(BusinessCalendarRecord record) {
        return new StoredCalendar(record.id(), record.teamId(), record.version(), record.updatedAt(),
                calendar(record));
    }
}
