package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.ServiceLevelFixtures.completed;
import static dev.crmkit.tck.ServiceLevelFixtures.paused;
import static dev.crmkit.tck.ServiceLevelFixtures.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.ticket.MilestoneRecord;
import dev.crmkit.spi.ticket.MilestoneStore;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link MilestoneStore} and {@link MilestoneRecord}. */
public abstract class MilestoneStoreContract extends ContractSupport {
    private MilestoneStore milestones() {
        return capability(ServiceLevelStorage.class).milestones();
    }

    private List<MilestoneRecord> allDue(String tenant, Instant before, int pageSize) {
        List<MilestoneRecord> found = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<MilestoneRecord> page = milestones().dueBefore(tenant, before, request);
            found.addAll(page.items());
            if (page.next().isEmpty()) {
                return found;
            }
            request = request.next(page.next().get());
        }
    }

    @Test
    void a_milestone_reads_back_equal_in_each_state_with_durations_to_the_microsecond() {
        UUID ticket = UUID.randomUUID();
        MilestoneRecord run = running(TENANT, ticket, NOW.plusSeconds(3600));
        MilestoneRecord pause = paused(running(TENANT, ticket, NOW.plusSeconds(60)),
                Duration.ofMinutes(95).plusNanos(123_456_000), NOW.plusSeconds(30));
        MilestoneRecord done = completed(running(TENANT, ticket, NOW.plusSeconds(60)), NOW.plusSeconds(90), true);

        for (MilestoneRecord m : List.of(run, pause, done)) {
            assertThat(milestones().insert(m)).isEqualTo(m);
            assertThat(milestones().insert(running(TENANT, UUID.randomUUID(), NOW))).isNotNull();
        }

        assertThat(milestones().ofTicket(TENANT, ticket)).containsExactlyElementsOf(List.of(run, pause, done)
                .stream().sorted(Comparator.comparing(MilestoneRecord::id, Ids.ORDER)).toList());
        MilestoneRecord readPaused = milestones().ofTicket(TENANT, ticket).stream()
                .filter(m -> m.id().equals(pause.id())).findFirst().orElseThrow();
        assertThat(readPaused.elapsed()).isEqualTo(Duration.ofMinutes(95).plusNanos(123_456_000));
        assertThat(readPaused.isRunning()).isFalse();
        assertThat(readPaused.isCompleted()).isFalse();
        assertThat(milestones().ofTicket(OTHER_TENANT, ticket)).isEmpty();
        assertThat(milestones().ofTicket(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void insert_of_an_existing_id_throws_duplicate_on_id_and_a_version_other_than_one_is_refused() {
        MilestoneRecord first = milestones().insert(running(TENANT, UUID.randomUUID(), NOW.plusSeconds(5)));
        MilestoneRecord same = new MilestoneRecord(TENANT, first.id(), 1, NOW, NOW, UUID.randomUUID(),
                MilestoneKind.RESOLUTION, Duration.ofHours(1), Duration.ZERO, NOW, NOW.plusSeconds(9), null, false);
        MilestoneRecord atTwo = new MilestoneRecord(TENANT, UUID.randomUUID(), 2, NOW, NOW, UUID.randomUUID(),
                MilestoneKind.RESOLUTION, Duration.ofHours(1), Duration.ZERO, NOW, NOW.plusSeconds(9), null, false);

        assertThatThrownBy(() -> milestones().insert(same))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThatThrownBy(() -> milestones().insert(atTwo))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("version"));
        assertThat(milestones().ofTicket(TENANT, first.ticketId())).containsExactly(first);
        assertThat(milestones().ofTicket(TENANT, atTwo.ticketId())).isEmpty();
    }

    @Test
    void insert_all_stores_every_milestone_as_insert_does_or_none_when_one_is_refused() {
        UUID ticket = UUID.randomUUID();
        MilestoneRecord response = running(TENANT, ticket, NOW.plusSeconds(60));
        MilestoneRecord resolution = running(TENANT, ticket, NOW.plusSeconds(600));

        milestones().insertAll(List.of(resolution, response));

        assertThat(milestones().ofTicket(TENANT, ticket)).containsExactlyInAnyOrder(response, resolution);
        UUID other = UUID.randomUUID();
        MilestoneRecord fresh = running(TENANT, other, NOW.plusSeconds(5));
        MilestoneRecord again = new MilestoneRecord(TENANT, response.id(), 1, NOW, NOW, other,
                MilestoneKind.RESOLUTION, Duration.ofHours(1), Duration.ZERO, NOW, NOW.plusSeconds(9), null, false);
        MilestoneRecord atTwo = new MilestoneRecord(TENANT, UUID.randomUUID(), 2, NOW, NOW, other,
                MilestoneKind.RESOLUTION, Duration.ofHours(1), Duration.ZERO, NOW, NOW.plusSeconds(9), null, false);
        assertThatThrownBy(() -> milestones().insertAll(List.of(fresh, again)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThatThrownBy(() -> milestones().insertAll(List.of(fresh, atTwo)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("version"));
        assertThat(milestones().ofTicket(TENANT, other)).as("none of a refused call").isEmpty();
        milestones().insertAll(List.of());
        assertThat(milestones().ofTicket(TENANT, ticket)).hasSize(2);
    }

    @Test
    void update_raises_the_version_keeps_created_at_ticket_and_kind_and_a_stale_one_conflicts() {
        MilestoneRecord stored = milestones().insert(running(TENANT, UUID.randomUUID(), NOW.plusSeconds(600)));
        MilestoneRecord moved = new MilestoneRecord(TENANT, stored.id(), 1, NOW.minusSeconds(5), NOW.plusSeconds(60),
                UUID.randomUUID(), MilestoneKind.RESOLUTION, Duration.ofHours(2), Duration.ofMinutes(1), null, null,
                NOW.plusSeconds(60), true);

        MilestoneRecord updated = milestones().update(moved, 1);

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.createdAt()).isEqualTo(NOW);
        assertThat(updated.ticketId()).isEqualTo(stored.ticketId());
        assertThat(updated.kind()).isEqualTo(stored.kind());
        assertThat(updated.target()).isEqualTo(Duration.ofHours(2));
        assertThat(updated.completedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(updated.breached()).isTrue();
        assertThat(milestones().ofTicket(TENANT, stored.ticketId())).containsExactly(updated);
        assertThatThrownBy(() -> milestones().update(stored, 1)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.retryable()).isTrue());
        assertThat(milestones().ofTicket(TENANT, stored.ticketId())).containsExactly(updated);
        assertThatThrownBy(() -> milestones().update(running(TENANT, UUID.randomUUID(), NOW), 1))
                .isInstanceOf(NotFoundException.class);
        MilestoneRecord theirs = milestones().insert(running(OTHER_TENANT, UUID.randomUUID(), NOW));
        MilestoneRecord asMine = new MilestoneRecord(TENANT, theirs.id(), 1, NOW, NOW, theirs.ticketId(),
                theirs.kind(), theirs.target(), theirs.elapsed(), theirs.runningSince(), theirs.dueAt(), null, false);
        assertThatThrownBy(() -> milestones().update(asMine, 1)).isInstanceOf(NotFoundException.class);
        assertThat(milestones().ofTicket(OTHER_TENANT, theirs.ticketId())).containsExactly(theirs);
    }

    @Test
    void due_before_pages_the_running_milestones_due_strictly_before_by_due_time_then_id() {
        UUID ticket = UUID.randomUUID();
        MilestoneRecord late = milestones().insert(running(TENANT, ticket, NOW.plusSeconds(30)));
        MilestoneRecord early = milestones().insert(running(TENANT, ticket, NOW.plusSeconds(10)));
        List<MilestoneRecord> tied = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tied.add(milestones().insert(running(TENANT, UUID.randomUUID(), NOW.plusSeconds(20))));
        }
        milestones().insert(running(TENANT, ticket, NOW.plusSeconds(40)));
        milestones().insert(paused(running(TENANT, ticket, NOW), Duration.ofHours(9), NOW));
        milestones().insert(completed(running(TENANT, ticket, NOW), NOW.plusSeconds(1), true));
        milestones().insert(running(OTHER_TENANT, ticket, NOW.plusSeconds(1)));
        tied.sort(Comparator.comparing(MilestoneRecord::id, Ids.ORDER));
        List<MilestoneRecord> expected = new ArrayList<>(List.of(early));
        expected.addAll(tied);
        expected.add(late);

        for (int size = 1; size <= 6; size++) {
            assertThat(allDue(TENANT, NOW.plusSeconds(40), size)).as("page size " + size)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(allDue(TENANT, NOW.plusSeconds(10), 3)).as("strictly before").isEmpty();
        assertThat(allDue(TENANT, NOW.plusSeconds(10).plusNanos(1_000), 3)).containsExactly(early);
        assertThat(allDue(OTHER_TENANT, NOW.plusSeconds(40), 3)).hasSize(1);
    }

    @Test
    void due_before_with_a_bad_cursor_or_no_instant_is_refused_naming_the_field() {
        milestones().insert(running(TENANT, UUID.randomUUID(), NOW));
        PageRequest bad = PageRequest.first(2).next(Cursor.of(List.of("not-a-time", "not-an-id")));

        assertThatThrownBy(() -> milestones().dueBefore(TENANT, NOW.plusSeconds(1), bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> milestones().dueBefore(TENANT, null, PageRequest.first(2)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("before"));
    }

    @Test
    void the_record_refuses_inconsistent_clocks_naming_the_field() {
        UUID ticket = UUID.randomUUID();
        assertThatThrownBy(() -> new MilestoneRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, ticket,
                MilestoneKind.RESOLUTION, Duration.ZERO, Duration.ZERO, NOW, NOW, null, false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("target"));
        assertThatThrownBy(() -> new MilestoneRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, ticket,
                MilestoneKind.RESOLUTION, Duration.ofHours(1), Duration.ofSeconds(-1), NOW, NOW, null, false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("elapsed"));
        assertThatThrownBy(() -> new MilestoneRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, ticket,
                MilestoneKind.RESOLUTION, Duration.ofHours(1), Duration.ZERO, NOW, NOW, NOW, false))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("runningSince"));
        assertThatThrownBy(() -> new MilestoneRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, ticket,
                MilestoneKind.RESOLUTION, Duration.ofHours(1), Duration.ZERO, NOW, null, null, false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("dueAt"));
        assertThatThrownBy(() -> new MilestoneRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, ticket,
                MilestoneKind.RESOLUTION, Duration.ofHours(1), Duration.ZERO, null, NOW, NOW, false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("dueAt"));
    }

    @Test
    void due_before_returns_exactly_the_running_milestones_due_before_the_instant_through_any_page_size() {
        qt().withExamples(30).withShrinkCycles(20)
                .forAll(lists().of(integers().between(0, 59)).ofSizeBetween(0, 12), integers().between(0, 8),
                        integers().between(1, 4))
                .checkAssert((shapes, beforeSeconds, pageSize) -> {
                    String tenant = CustomerFixtures.freshTenant();
                    List<MilestoneRecord> stored = new ArrayList<>();
                    for (int shape : shapes) {
                        MilestoneRecord m = running(tenant, UUID.randomUUID(), NOW.plusSeconds(shape % 6));
                        if (shape / 6 % 5 == 3) {
                            m = paused(m, Duration.ofMinutes(shape), NOW);
                        } else if (shape / 6 % 5 == 4) {
                            m = completed(m, NOW, shape % 2 == 0);
                        }
                        stored.add(milestones().insert(m));
                    }
                    Instant before = NOW.plusSeconds(beforeSeconds);
                    List<MilestoneRecord> expected = stored.stream()
                            .filter(m -> m.isRunning() && m.dueAt().isBefore(before))
                            .sorted(Comparator.comparing(MilestoneRecord::dueAt)
                                    .thenComparing(MilestoneRecord::id, Ids.ORDER)).toList();

                    assertThat(allDue(tenant, before, pageSize)).containsExactlyElementsOf(expected);
                });
    }
}
