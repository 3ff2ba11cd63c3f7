package dev.crmkit.tck;

import dev.crmkit.model.team.WorkingPeriod;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.spi.ticket.BusinessCalendarRecord;
import dev.crmkit.spi.ticket.MilestoneRecord;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Calendars, working periods and milestones for the contract tests, at {@link ContractSupport#NOW}. */
final class ServiceLevelFixtures {
    private ServiceLevelFixtures() {
    }

    /** 09:00 to 17:00, Monday to Friday, and a split Saturday, given out of order. */
    static List<WorkingPeriod> officeWeek() {
        List<WorkingPeriod> week = new ArrayList<>();
        week.add(new WorkingPeriod(DayOfWeek.SATURDAY, LocalTime.of(14, 0), LocalTime.MIDNIGHT));
        week.add(new WorkingPeriod(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(12, 30)));
        for (DayOfWeek day : List.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY)) {
            week.add(new WorkingPeriod(day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        return week;
    }

    /** A calendar of the tenant (team null) or a team, in Berlin, with the office week and two holidays. */
    static BusinessCalendarRecord calendar(String tenant, UUID teamId) {
        return new BusinessCalendarRecord(tenant, UUID.randomUUID(), 1, ContractSupport.NOW, ContractSupport.NOW,
                teamId, "Europe/Berlin", officeWeek(),
                Set.of(java.time.LocalDate.of(2026, 12, 25), java.time.LocalDate.of(2026, 4, 3)));
    }

    /** A running first-response milestone of a ticket, started at NOW, due at {@code dueAt}. */
    static MilestoneRecord running(String tenant, UUID ticketId, Instant dueAt) {
        return new MilestoneRecord(tenant, UUID.randomUUID(), 1, ContractSupport.NOW, ContractSupport.NOW, ticketId,
                MilestoneKind.FIRST_RESPONSE, Duration.ofHours(4), Duration.ZERO, ContractSupport.NOW, dueAt, null,
                false);
    }

    /** {@code m} paused at {@code at}, having counted {@code elapsed}. */
    static MilestoneRecord paused(MilestoneRecord m, Duration elapsed, Instant at) {
        return new MilestoneRecord(m.tenantId(), m.id(), m.version(), m.createdAt(), at, m.ticketId(), m.kind(),
                m.target(), elapsed, null, null, null, m.breached());
    }

    /** {@code m} completed at {@code at}, breached or not. */
    static MilestoneRecord completed(MilestoneRecord m, Instant at, boolean breached) {
        return new MilestoneRecord(m.tenantId(), m.id(), m.version(), m.createdAt(), at, m.ticketId(), m.kind(),
                m.target(), m.elapsed(), null, null, at, breached);
    }
}
