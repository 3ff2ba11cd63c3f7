package dev.crmkit.jdbc;

import dev.crmkit.model.team.WorkingPeriod;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.SlaTarget;
import dev.crmkit.model.ticket.TicketPriority;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The text columns that hold what is read and written whole and never queried: a week of working periods
 * ({@code MONDAY 09:00 17:00;...}), holidays ({@code 2026-04-03;...}) and SLA targets
 * ({@code FIRST_RESPONSE HIGH gold 240;...}, minutes, {@code *} for any priority or tier). Their parts are enum names,
 * times, dates, tier codes (no spaces or ';') and numbers, so the separators never occur inside one.
 */
final class ServiceLevelText {
    private static final String ANY = "*";

    private ServiceLevelText() {
    }

    static String hours(List<WorkingPeriod> periods) {
        return periods.stream().map(p -> p.day() + " " + p.opens() + " " + p.closes())
                .collect(Collectors.joining(";"));
    }

    static List<WorkingPeriod> hours(String text) {
        List<WorkingPeriod> periods = new ArrayList<>();
        for (String part : parts(text)) {
            String[] p = part.split(" ");
            periods.add(new WorkingPeriod(DayOfWeek.valueOf(p[0]), LocalTime.parse(p[1]), LocalTime.parse(p[2])));
        }
        return periods;
    }

    static String holidays(Set<LocalDate> days) {
        return days.stream().map(LocalDate::toString).collect(Collectors.joining(";"));
    }

    static Set<LocalDate> holidays(String text) {
        Set<LocalDate> days = new HashSet<>();
        for (String part : parts(text)) {
            days.add(LocalDate.parse(part));
        }
        return days;
    }

    static String targets(List<SlaTarget> targets) {
        return targets.stream().map(t -> t.milestone() + " " + (t.priority() == null ? ANY : t.priority()) + " "
                + (t.tier() == null ? ANY : t.tier()) + " " + t.businessTime().toMinutes())
                .collect(Collectors.joining(";"));
    }

    static List<SlaTarget> targets(String text) {
        List<SlaTarget> targets = new ArrayList<>();
        for (String part : parts(text)) {
            String[] p = part.split(" ");
            targets.add(new SlaTarget(MilestoneKind.valueOf(p[0]), p[1].equals(ANY) ? null : TicketPriority.valueOf(p[1]),
                    p[2].equals(ANY) ? null : p[2], Duration.ofMinutes(Long.parseLong(p[3]))));
        }
        return targets;
    }

    private static List<String> parts(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split(";"));
    }
}
