package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.ServiceLevelFixtures.calendar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.WorkingPeriod;
import dev.crmkit.spi.ticket.BusinessCalendarRecord;
import dev.crmkit.spi.ticket.BusinessCalendarStore;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link BusinessCalendarStore} and {@link BusinessCalendarRecord}. */
public abstract class BusinessCalendarStoreContract extends ContractSupport {
    private BusinessCalendarStore calendars() {
        return capability(ServiceLevelStorage.class).calendars();
    }

    @Test
    void a_tenants_calendar_and_a_teams_read_back_equal_apart_with_hours_in_order_and_holidays_sorted() {
        UUID team = UUID.randomUUID();
        BusinessCalendarRecord tenantDefault = calendar(TENANT, null);
        BusinessCalendarRecord teams = new BusinessCalendarRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, team,
                "America/New_York", List.of(new WorkingPeriod(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT,
                        LocalTime.MIDNIGHT)), Set.of());

        assertThat(calendars().save(tenantDefault, 0)).isEqualTo(tenantDefault);
        assertThat(calendars().save(teams, 0)).isEqualTo(teams);

        BusinessCalendarRecord read = calendars().get(TENANT, null).orElseThrow();
        assertThat(read).isEqualTo(tenantDefault);
        assertThat(read.hours()).extracting(WorkingPeriod::day).startsWith(DayOfWeek.MONDAY)
                .endsWith(DayOfWeek.SATURDAY, DayOfWeek.SATURDAY);
        assertThat(read.hours().get(read.hours().size() - 1).closes()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(read.holidays()).containsExactly(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 12, 25));
        assertThat(calendars().get(TENANT, team)).contains(teams);
        assertThat(calendars().get(TENANT, UUID.randomUUID())).isEmpty();
        assertThat(calendars().get(OTHER_TENANT, null)).isEmpty();
        assertThat(calendars().get(OTHER_TENANT, team)).isEmpty();
    }

    @Test
    void save_replaces_by_compare_and_set_keeping_id_and_created_at_and_a_stale_version_conflicts() {
        BusinessCalendarRecord first = calendars().save(calendar(TENANT, null), 0);
        BusinessCalendarRecord other = new BusinessCalendarRecord(TENANT, UUID.randomUUID(), 7, NOW.plusSeconds(60),
                NOW.plusSeconds(60), null, "Asia/Kolkata", List.of(new WorkingPeriod(DayOfWeek.MONDAY,
                        LocalTime.of(10, 0), LocalTime.of(11, 0))), Set.of());

        BusinessCalendarRecord second = calendars().save(other, 1);

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.createdAt()).isEqualTo(NOW);
        assertThat(second.updatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(second.zone()).isEqualTo("Asia/Kolkata");
        assertThat(second.hours()).hasSize(1);
        assertThat(second.holidays()).isEmpty();
        assertThat(calendars().get(TENANT, null)).contains(second);
        assertThatThrownBy(() -> calendars().save(other, 1)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> calendars().save(calendar(TENANT, null), 0))
                .as("a racing first calendar").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> calendars().save(calendar(TENANT, UUID.randomUUID()), 1))
                .as("none to replace").isInstanceOf(ConflictException.class);
        assertThat(calendars().get(TENANT, null)).contains(second);
        assertThatThrownBy(() -> calendars().save(other, -1)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("expectedVersion"));
    }

    @Test
    void the_record_refuses_an_unknown_zone_overlapping_or_no_hours_and_bad_holidays_naming_the_field() {
        List<WorkingPeriod> week = ServiceLevelFixtures.officeWeek();
        assertThatThrownBy(() -> new BusinessCalendarRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, null,
                "Mars/Olympus", week, Set.of())).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("zone"));
        assertThatThrownBy(() -> new BusinessCalendarRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, null,
                "UTC", List.of(new WorkingPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                        new WorkingPeriod(DayOfWeek.MONDAY, LocalTime.of(11, 59), LocalTime.of(13, 0))), Set.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("hours");
                    assertThat(e.getMessage()).contains("overlapping").contains("MONDAY");
                });
        assertThatThrownBy(() -> new BusinessCalendarRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, null,
                "UTC", List.of(), Set.of())).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("hours"));
        assertThatThrownBy(() -> new BusinessCalendarRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, null,
                "UTC", week, Set.of(LocalDate.of(999, 1, 1)))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("holidays[]"));
        assertThatThrownBy(() -> new WorkingPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(9, 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("closes"));
        assertThatThrownBy(() -> new WorkingPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 0, 30), LocalTime.of(10, 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("opens"));
        assertThat(new WorkingPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))
                .overlaps(new WorkingPeriod(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.MIDNIGHT)))
                .as("touching periods do not overlap").isFalse();
    }
}
