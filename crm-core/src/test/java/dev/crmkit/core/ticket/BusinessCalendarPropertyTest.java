package dev.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The calendar arithmetic under generated instants, durations and calendars in four zones with daylight-saving
 * changes on both hemispheres and one without (Europe/Berlin, America/New_York, Australia/Sydney, Asia/Kolkata), with
 * split days, weekends, night shifts to midnight and holidays, over spans that cross the changes of 2026 and 2027.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BusinessCalendarPropertyTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Sydney"), ZoneId.of("Asia/Kolkata"));
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(730).toSeconds();
    /** Public holidays somewhere in every zone's year, including days next to daylight-saving changes. */
    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 3),
            LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 25),
            LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 29));

    /** Four shapes of week, each in any of the zones, with or without holidays. */
    static BusinessCalendar calendar(int shape) {
        ZoneId zone = ZONES.get(shape % ZONES.size());
        BusinessCalendar calendar = switch (shape / ZONES.size() % 4) {
            case 0 -> BusinessCalendar.weekdays(zone, BusinessHours.of("09:00", "17:00"));
            case 1 -> BusinessCalendar.weekdays(zone, BusinessHours.of("08:00", "12:00"),
                    BusinessHours.of("13:00", "17:30"));
            case 2 -> {
                // a night shift over the early hours, when the clocks change, and to midnight
                Map<DayOfWeek, List<BusinessHours>> week = new EnumMap<>(DayOfWeek.class);
                for (DayOfWeek day : DayOfWeek.values()) {
                    week.put(day, List.of(BusinessHours.of("00:00", "04:00"), BusinessHours.of("20:00", "00:00")));
                }
                yield new BusinessCalendar(zone, week, Set.of());
            }
            default -> new BusinessCalendar(zone, Map.of(DayOfWeek.SATURDAY, List.of(BusinessHours.of("10:00",
                    "14:00"))), Set.of());
        };
        return shape / 16 % 2 == 0 ? calendar : calendar.withHolidays(HOLIDAYS);
    }

    static Gen<Instant> instants() {
        return longs().between(0, SPAN_SECONDS).zip(integers().between(0, 999_999), (s, micros) ->
                FROM.plusSeconds(s).plusNanos(micros * 1000L));
    }

    private static Gen<Duration> durations() {
        return longs().between(0, Duration.ofDays(40).toSeconds()).map((Long seconds) -> Duration.ofSeconds(seconds));
    }

    static Gen<BusinessCalendar> calendars() {
        return integers().between(0, 31).map(BusinessCalendarPropertyTest::calendar);
    }

    @Test
    void adding_business_time_then_measuring_it_gives_back_the_duration() {
        qt().withExamples(400).forAll(calendars(), instants(), durations()).checkAssert((calendar, start, d) -> {
            Instant end = calendar.add(start, d);

            assertThat(calendar.between(start, end)).as(calendar.zone() + " from " + start).isEqualTo(d);
            assertThat(end).isAfterOrEqualTo(start);
        });
    }

    @Test
    void measuring_then_adding_ends_at_the_last_business_moment_of_the_span() {
        qt().withExamples(300).forAll(calendars(), instants(), durations()).checkAssert((calendar, from, d) -> {
            Instant to = from.plus(d);
            Duration measured = calendar.between(from, to);
            Instant back = calendar.add(from, measured);

            assertThat(back).isBeforeOrEqualTo(to);
            assertThat(calendar.between(back, to)).as("no business time left after it").isZero();
            assertThat(measured).as("never more than the wall-clock time").isLessThanOrEqualTo(d);
        });
    }

    @Test
    void adding_and_measuring_grow_with_their_second_argument() {
        qt().withExamples(300).forAll(calendars(), instants(), durations(), durations())
                .checkAssert((calendar, start, a, b) -> {
                    Duration shorter = a.compareTo(b) <= 0 ? a : b;
                    Duration longer = a.compareTo(b) <= 0 ? b : a;

                    assertThat(calendar.add(start, shorter)).isBeforeOrEqualTo(calendar.add(start, longer));
                    assertThat(calendar.between(start, start.plus(shorter)))
                            .isLessThanOrEqualTo(calendar.between(start, start.plus(longer)));
                    assertThat(calendar.add(start, longer)).as("a later start ends no earlier")
                            .isBeforeOrEqualTo(calendar.add(start.plus(longer.minus(shorter)), longer));
                });
    }

    @Test
    void business_time_adds_up_over_consecutive_spans() {
        qt().withExamples(300).forAll(calendars(), instants(), durations(), durations())
                .checkAssert((calendar, from, a, b) -> {
                    Instant middle = from.plus(a);
                    Instant to = middle.plus(b);

                    assertThat(calendar.between(from, middle).plus(calendar.between(middle, to)))
                            .isEqualTo(calendar.between(from, to));
                    assertThat(calendar.add(calendar.add(from, a), b)).as("adding in two steps")
                            .isEqualTo(calendar.add(from, a.plus(b)));
                });
    }

    @Test
    void a_paused_clock_counts_only_the_business_time_of_its_running_spans() {
        qt().withExamples(300).forAll(calendars(), instants(), durations(), durations().zip(durations(), List::of))
                .checkAssert((calendar, start, run, pauseThenRun) -> {
                    Duration paused = pauseThenRun.get(0);
                    Duration runAgain = pauseThenRun.get(1);
                    Instant pausedAt = start.plus(run);
                    Instant resumedAt = pausedAt.plus(paused);
                    Instant now = resumedAt.plus(runAgain);

                    BusinessClock clock = BusinessClock.startedAt(start).pause(calendar, pausedAt);
                    assertThat(clock.elapsed(calendar, resumedAt)).as("nothing counts while paused")
                            .isEqualTo(calendar.between(start, pausedAt));
                    assertThat(clock.reaches(calendar, Duration.ofHours(1))).as("no due time while paused").isNull();
                    clock = clock.resume(resumedAt);

                    assertThat(clock.elapsed(calendar, now)).isEqualTo(calendar.between(start, pausedAt)
                            .plus(calendar.between(resumedAt, now)));
                    assertThat(clock.elapsed(calendar, now)).as("a pause never adds time")
                            .isLessThanOrEqualTo(calendar.between(start, now));
                    Duration target = clock.elapsed(calendar, now).plus(Duration.ofHours(3));
                    Instant due = clock.reaches(calendar, target);
                    assertThat(clock.elapsed(calendar, due)).as("the clock reaches its target when it says")
                            .isEqualTo(target);
                    assertThat(due).isAfterOrEqualTo(now);
                });
    }

    @Test
    void a_zone_that_keeps_no_daylight_saving_counts_the_same_business_time_every_working_day() {
        qt().withExamples(100).forAll(integers().between(0, 700)).checkAssert(dayOffset -> {
            BusinessCalendar kolkata = BusinessCalendar.weekdays(ZoneId.of("Asia/Kolkata"),
                    BusinessHours.of("09:30", "18:00"));
            LocalDate day = LocalDate.of(2026, 1, 1).plusDays(dayOffset);
            Instant start = day.atStartOfDay(kolkata.zone()).toInstant();
            boolean weekday = day.getDayOfWeek().getValue() <= 5;

            assertThat(kolkata.between(start, start.plus(Duration.ofDays(1))))
                    .isEqualTo(weekday ? Duration.ofMinutes(510) : Duration.ZERO);
        });
    }
}
