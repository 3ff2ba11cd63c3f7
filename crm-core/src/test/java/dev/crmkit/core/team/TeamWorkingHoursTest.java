package dev.crmkit.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.touchpoint.TouchPointFixtures;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.model.team.WorkingPeriod;
import dev.crmkit.spi.outbox.OutboxEvent;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A member's working hours and time zone, and whether the member is at work at an instant. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TeamWorkingHoursTest {
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    private final TouchPointFixtures fixtures = new TouchPointFixtures();
    private final TeamService team = fixtures.tenant(TouchPointFixtures.TENANT).service(TeamService.class);

    private TeamMember agent(String userId) {
        return team.add(MemberDetails.of(userId, "Agent " + userId, TeamRole.SERVICE_AGENT));
    }

    private List<String> outboxTypes() {
        return fixtures.storage.outbox().claim("probe", 1000, java.time.Duration.ofMinutes(1),
                fixtures.clock.instant()).stream()
                .map(OutboxEvent::type).toList();
    }

    @Test
    void stored_hours_are_versioned_announced_and_answer_whether_the_member_is_at_work_in_local_time() {
        TeamMember ana = agent("ana-1");

        MemberWorkingHours first = team.setWorkingHours(ana.id(), WorkingHours.weekdays(SAO_PAULO, LocalTime.of(8, 0),
                LocalTime.of(16, 0)), 0);

        assertThat(first.version()).isEqualTo(1);
        assertThat(team.workingHours(ana.id())).isEqualTo(first);
        // Monday 2 March 2026; São Paulo is UTC-3
        assertThat(team.isWorking(ana.id(), Instant.parse("2026-03-02T11:00:00Z"))).as("08:00 local").isTrue();
        assertThat(team.isWorking(ana.id(), Instant.parse("2026-03-02T10:59:59Z"))).as("07:59 local").isFalse();
        assertThat(team.isWorking(ana.id(), Instant.parse("2026-03-02T18:59:59Z"))).as("15:59 local").isTrue();
        assertThat(team.isWorking(ana.id(), Instant.parse("2026-03-02T19:00:00Z"))).as("16:00 local").isFalse();
        assertThat(team.isWorking(ana.id(), Instant.parse("2026-03-07T12:00:00Z"))).as("Saturday").isFalse();

        MemberWorkingHours nights = team.setWorkingHours(ana.id(), new WorkingHours(ZoneId.of("Asia/Kolkata"),
                List.of(new WorkingPeriod(DayOfWeek.SUNDAY, LocalTime.of(22, 0), LocalTime.MIDNIGHT))), 1);

        assertThat(nights.version()).isEqualTo(2);
        assertThat(team.isWorking(ana.id(), Instant.parse("2026-03-08T18:29:59Z"))).as("23:59 Sunday in India")
                .isTrue();
        assertThat(team.isWorking(ana.id(), Instant.parse("2026-03-08T18:30:00Z"))).as("00:00 Monday in India")
                .isFalse();
        assertThat(outboxTypes()).containsSubsequence("team-member-hours.set", "team-member-hours.set");
    }

    @Test
    void a_member_without_hours_counts_as_at_work_and_has_none_to_read() {
        TeamMember bo = agent("bo-1");

        assertThat(team.isWorking(bo.id(), Instant.parse("2026-03-08T03:00:00Z"))).isTrue();
        assertThatThrownBy(() -> team.workingHours(bo.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void bad_input_and_a_stale_version_are_refused_and_change_nothing() {
        TeamMember cy = agent("cy-1");
        WorkingHours hours = WorkingHours.weekdays(SAO_PAULO, LocalTime.of(9, 0), LocalTime.of(17, 0));
        team.setWorkingHours(cy.id(), hours, 0);

        assertThatThrownBy(() -> team.setWorkingHours(cy.id(), hours, 0))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> team.setWorkingHours(cy.id(), hours, -1))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("expectedVersion"));
        assertThatThrownBy(() -> team.setWorkingHours(cy.id(), null, 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("hours"));
        assertThatThrownBy(() -> team.setWorkingHours(UUID.randomUUID(), hours, 0))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> team.isWorking(UUID.randomUUID(), Instant.now()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> new WorkingHours(SAO_PAULO, List.of(
                new WorkingPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new WorkingPeriod(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(13, 0)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("week"));
        assertThatThrownBy(() -> WorkingHours.weekdays(null, LocalTime.of(9, 0), LocalTime.of(17, 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("zone"));
        assertThat(team.workingHours(cy.id()).version()).isEqualTo(1);
    }
}
