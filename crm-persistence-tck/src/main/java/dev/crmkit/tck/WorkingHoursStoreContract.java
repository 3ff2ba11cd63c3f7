package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.WorkingPeriod;
import dev.crmkit.spi.team.TeamStorage;
import dev.crmkit.spi.team.WorkingHoursRecord;
import dev.crmkit.spi.team.WorkingHoursStore;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link WorkingHoursStore} and {@link WorkingHoursRecord}. */
public abstract class WorkingHoursStoreContract extends ContractSupport {
    private WorkingHoursStore hours() {
        return capability(TeamStorage.class).workingHours();
    }

    @Test
    void a_members_hours_read_back_equal_in_order_and_only_for_that_member_and_tenant() {
        UUID member = UUID.randomUUID();
        WorkingHoursRecord record = new WorkingHoursRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, member,
                "Australia/Sydney", ServiceLevelFixtures.officeWeek());

        assertThat(hours().save(record, 0)).isEqualTo(record);

        WorkingHoursRecord read = hours().get(TENANT, member).orElseThrow();
        assertThat(read).isEqualTo(record);
        assertThat(read.hours()).extracting(WorkingPeriod::day).startsWith(DayOfWeek.MONDAY)
                .endsWith(DayOfWeek.SATURDAY);
        assertThat(hours().get(TENANT, UUID.randomUUID())).isEmpty();
        assertThat(hours().get(OTHER_TENANT, member)).isEmpty();
    }

    @Test
    void get_all_reads_many_members_hours_at_once_as_get_does_only_in_their_tenant() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID none = UUID.randomUUID();
        hours().save(new WorkingHoursRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, ann, "UTC", List.of()), 0);
        WorkingHoursRecord annNow = hours().save(new WorkingHoursRecord(TENANT, UUID.randomUUID(), 1, NOW,
                NOW.plusSeconds(5), ann, "Australia/Sydney", ServiceLevelFixtures.officeWeek()), 1);
        WorkingHoursRecord bobNow = hours().save(new WorkingHoursRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, bob,
                "Europe/Lisbon", ServiceLevelFixtures.officeWeek()), 0);
        hours().save(new WorkingHoursRecord(OTHER_TENANT, UUID.randomUUID(), 1, NOW, NOW, none, "UTC", List.of()), 0);

        Map<UUID, WorkingHoursRecord> read = hours().getAll(TENANT, List.of(bob, none, ann, bob));

        assertThat(read).containsOnlyKeys(ann, bob);
        assertThat(read.get(ann)).isEqualTo(annNow).isEqualTo(hours().get(TENANT, ann).orElseThrow());
        assertThat(read.get(bob)).isEqualTo(bobNow);
        assertThat(hours().getAll(TENANT, List.of())).isEmpty();
        assertThat(hours().getAll(OTHER_TENANT, List.of(ann, bob))).isEmpty();
    }

    @Test
    void get_all_refuses_null_and_more_than_a_page_of_ids_naming_member_ids() {
        List<UUID> withNull = new ArrayList<>(List.of(UUID.randomUUID()));
        withNull.add(null);
        List<UUID> tooMany = new ArrayList<>();
        for (int i = 0; i <= PageRequest.MAX_LIMIT; i++) {
            tooMany.add(UUID.randomUUID());
        }

        for (List<UUID> ids : java.util.Arrays.asList(null, withNull, tooMany)) {
            assertThatThrownBy(() -> hours().getAll(TENANT, ids)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.field()).startsWith("memberIds"));
        }
    }

    @Test
    void save_replaces_by_compare_and_set_keeping_id_and_created_at_and_a_stale_version_conflicts() {
        UUID member = UUID.randomUUID();
        WorkingHoursRecord first = hours().save(new WorkingHoursRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, member,
                "UTC", ServiceLevelFixtures.officeWeek()), 0);
        WorkingHoursRecord none = new WorkingHoursRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW.plusSeconds(3),
                member, "Europe/Lisbon", List.of());

        WorkingHoursRecord second = hours().save(none, 1);

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.createdAt()).isEqualTo(NOW);
        assertThat(second.zone()).isEqualTo("Europe/Lisbon");
        assertThat(second.hours()).as("a member may have no hours").isEmpty();
        assertThat(hours().get(TENANT, member)).contains(second);
        assertThatThrownBy(() -> hours().save(none, 1)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> hours().save(none, 0)).isInstanceOf(ConflictException.class);
        assertThat(hours().get(TENANT, member)).contains(second);
    }

    @Test
    void the_record_refuses_an_unknown_zone_and_overlapping_hours_naming_the_field() {
        assertThatThrownBy(() -> new WorkingHoursRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, UUID.randomUUID(),
                "Nowhere/Else", List.of())).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("zone"));
        assertThatThrownBy(() -> new WorkingHoursRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, UUID.randomUUID(),
                "UTC", List.of(new WorkingPeriod(DayOfWeek.FRIDAY, LocalTime.of(20, 0), LocalTime.MIDNIGHT),
                        new WorkingPeriod(DayOfWeek.FRIDAY, LocalTime.of(23, 0), LocalTime.of(23, 30)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("hours"));
    }
}
