package dev.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The calendar arithmetic by example: nights, weekends, holidays and the nights the clocks change. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BusinessCalendarTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessCalendar OFFICE = BusinessCalendar.weekdays(BERLIN, BusinessHours.of("09:00", "17:00"));

    private static Instant berlin(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
    }

    @Test
    void four_hours_from_friday_afternoon_end_on_monday_morning() {
        Instant due = OFFICE.add(berlin("2026-03-06T15:00"), Duration.ofHours(4));

        assertThat(due).isEqualTo(berlin("2026-03-09T11:00"));
        assertThat(OFFICE.between(berlin("2026-03-06T15:00"), due)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void a_ticket_opened_at_night_starts_counting_when_the_office_opens() {
        assertThat(OFFICE.add(berlin("2026-03-04T22:10"), Duration.ofMinutes(30)))
                .isEqualTo(berlin("2026-03-05T09:30"));
        assertThat(OFFICE.between(berlin("2026-03-04T17:00"), berlin("2026-03-05T09:00"))).isZero();
        assertThat(OFFICE.isOpen(berlin("2026-03-05T09:00"))).isTrue();
        assertThat(OFFICE.isOpen(berlin("2026-03-05T17:00"))).isFalse();
        assertThat(OFFICE.add(berlin("2026-03-04T22:10"), Duration.ZERO)).isEqualTo(berlin("2026-03-04T22:10"));
    }

    @Test
    void a_holiday_has_no_business_time() {
        BusinessCalendar easter = OFFICE.withHolidays(Set.of(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6)));

        assertThat(easter.add(berlin("2026-04-02T16:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-04-07T10:00"));
        assertThat(easter.between(berlin("2026-04-02T00:00"), berlin("2026-04-08T00:00")))
                .isEqualTo(Duration.ofHours(16));
    }

    @Test
    void the_night_the_clocks_go_forward_is_an_hour_shorter_and_the_night_they_go_back_an_hour_longer() {
        BusinessCalendar nights = new BusinessCalendar(BERLIN, Map.of(DayOfWeek.SUNDAY,
                List.of(new BusinessHours(LocalTime.MIDNIGHT, LocalTime.of(6, 0)))), Set.of());

        assertThat(nights.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
                .isEqualTo(Duration.ofHours(5));
        assertThat(nights.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")))
                .isEqualTo(Duration.ofHours(7));
        assertThat(nights.add(berlin("2026-03-29T01:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-03-29T04:00"));
    }

    @Test
    void a_calendar_without_working_hours_or_with_overlapping_ones_is_refused() {
        assertThatThrownBy(() -> new BusinessCalendar(BERLIN, Map.of(), Set.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("weekly"));
        assertThatThrownBy(() -> BusinessCalendar.weekdays(BERLIN, BusinessHours.of("09:00", "13:00"),
                BusinessHours.of("12:00", "17:00")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("weekly"));
        assertThatThrownBy(() -> BusinessHours.of("25:00", "09:00"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("opens"));
        assertThatThrownBy(() -> BusinessHours.of("17:00", "09:00"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("closes"));
        assertThatThrownBy(() -> OFFICE.add(Instant.now(), Duration.ofHours(-1)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("businessTime"));
        assertThatThrownBy(() -> OFFICE.between(berlin("2026-03-06T15:00"), berlin("2026-03-06T14:00")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void around_the_clock_business_time_is_elapsed_time() {
        BusinessCalendar always = BusinessCalendar.aroundTheClock(BERLIN);
        Instant start = berlin("2026-03-28T22:00");

        assertThat(always.add(start, Duration.ofHours(30))).isEqualTo(start.plus(Duration.ofHours(30)));
        assertThat(always.between(start, start.plus(Duration.ofDays(3)))).isEqualTo(Duration.ofDays(3));
    }
}
