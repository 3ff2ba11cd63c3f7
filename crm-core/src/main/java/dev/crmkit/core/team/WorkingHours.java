package dev.crmkit.core.team;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.WorkingPeriod;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * When a team member works: a time zone and working periods per day of the week, in the member's local time. Routing
 * asks {@link #isInside} whether an agent is at work at an instant.
 *
 * <pre>{@code
 * WorkingHours hours = WorkingHours.weekdays(ZoneId.of("America/Sao_Paulo"), LocalTime.of(8, 0), LocalTime.of(16, 0));
 * }</pre>
 *
 * @param zone   the member's time zone
 * @param week   the working periods, at most {@link WorkingPeriod#MAX_PER_WEEK}, none overlapping, possibly none; kept
 *               in order (day, then opening time)
 */
public record WorkingHours(ZoneId zone, List<WorkingPeriod> week) {
    /**
     * Checks and orders the periods.
     *
     * @throws ValidationException ({@code zone}) when null; ({@code week}) when null, holding null, too many or
     *     overlapping
     */
    public WorkingHours {
        Checks.required("zone", zone);
        week = WorkingPeriod.week("week", week);
    }

    /**
     * The same hours Monday to Friday.
     *
     * @throws ValidationException ({@code opens}, {@code closes}) as {@link WorkingPeriod} checks them
     */
    public static WorkingHours weekdays(ZoneId zone, LocalTime opens, LocalTime closes) {
        List<WorkingPeriod> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.add(new WorkingPeriod(day, opens, closes));
            }
        }
        return new WorkingHours(zone, week);
    }

    /**
     * Whether {@code at} falls inside a working period, in the member's local time: the period's day of the week, from
     * its opening (included) to its closing (excluded, midnight meaning the end of the day). On a daylight-saving night
     * this reads the wall clock: an hour the clocks skip is never inside, an hour they repeat is inside both times.
     *
     * @throws ValidationException ({@code at}) when null
     */
    public boolean isInside(Instant at) {
        Checks.required("at", at);
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        return week.stream().anyMatch(p -> p.day() == local.getDayOfWeek() && p.contains(local.toLocalTime()));
    }
}
