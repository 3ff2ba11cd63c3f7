package dev.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.spi.ticket.MilestoneRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The clock of a milestone ({@code TicketAggregate}'s static clock rules) under generated calendars (the shapes and
 * zones of {@link BusinessCalendarPropertyTest}), start instants in 2026 and 2027, targets up to 20 days and sequences
 * of pauses and resumptions: pausing never brings a due time forward, and moves it by exactly the paused business time;
 * a milestone completed by its due time is never breached, one completed after it always is; the time left never grows
 * while the clock runs, stands still while it is paused, and is zero at the due time.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MilestoneClockPropertyTest {
    private static Gen<Duration> targets() {
        return longs().between(1, Duration.ofDays(20).toMinutes()).map((Long minutes) -> Duration.ofMinutes(minutes));
    }

    /** Gaps between the clock's events: a pause after so long running, a resumption after so long paused. */
    private static Gen<List<Long>> gaps() {
        return lists().of(longs().between(0, Duration.ofDays(9).toSeconds())).ofSizeBetween(0, 8);
    }

    /** A calendar and an instant to start a clock at on it. */
    private record Start(BusinessCalendar calendar, Instant at) {
    }

    private static Gen<Start> starts() {
        return BusinessCalendarPropertyTest.calendars().zip(BusinessCalendarPropertyTest.instants(), Start::new);
    }

    private static MilestoneRecord started(BusinessCalendar calendar, Instant start, Duration target) {
        return TicketAggregate.started("acme", UUID.randomUUID(), UUID.randomUUID(), MilestoneKind.RESOLUTION, target,
                calendar, start);
    }

    /** A clock paused and resumed after the gaps in turn (even gaps run, odd gaps pause); ends running. */
    private record Run(MilestoneRecord clock, Duration pausedBusinessTime, boolean pausedAfterDue, Instant last) {
    }

    private static Run run(BusinessCalendar calendar, MilestoneRecord m, List<Long> gaps) {
        Instant at = m.runningSince();
        Duration paused = Duration.ZERO;
        boolean pausedAfterDue = false;
        for (int i = 0; i + 1 < gaps.size(); i += 2) {
            Instant pauseAt = at.plusSeconds(gaps.get(i));
            Instant resumeAt = pauseAt.plusSeconds(gaps.get(i + 1));
            Instant dueBefore = m.dueAt();
            pausedAfterDue |= pauseAt.isAfter(dueBefore);
            m = TicketAggregate.pause(m, calendar, pauseAt);
            assertThat(m.isRunning()).isFalse();
            m = TicketAggregate.resume(m, calendar, resumeAt);
            assertThat(m.dueAt()).as("resumed after a pause at " + pauseAt).isAfterOrEqualTo(dueBefore);
            paused = paused.plus(calendar.between(pauseAt, resumeAt));
            at = resumeAt;
        }
        return new Run(m, paused, pausedAfterDue, at);
    }

    @Test
    void pausing_and_resuming_never_brings_the_due_time_forward_and_moves_it_by_the_paused_business_time() {
        qt().withExamples(300).forAll(BusinessCalendarPropertyTest.calendars(), BusinessCalendarPropertyTest.instants(),
                targets(), gaps()).checkAssert((calendar, start, target, gaps) -> {
                    MilestoneRecord m = started(calendar, start, target);
                    Run run = run(calendar, m, gaps);

                    assertThat(run.clock().dueAt()).isAfterOrEqualTo(m.dueAt());
                    if (!run.pausedAfterDue()) {
                        assertThat(calendar.between(start, run.clock().dueAt())).as(calendar.zone() + " from " + start)
                                .isEqualTo(target.plus(run.pausedBusinessTime()));
                    }
                });
    }

    @Test
    void a_milestone_completed_by_its_due_time_is_never_breached_and_one_completed_after_it_always_is() {
        qt().withExamples(300).forAll(starts(), targets(), gaps(), integers().between(0, 1200))
                .checkAssert((s, target, gaps, per) -> {
                    BusinessCalendar calendar = s.calendar();
                    Instant start = s.at();
                    Run run = run(calendar, started(calendar, start, target), gaps);
                    MilestoneRecord m = run.clock();
                    // somewhere from the last resumption to a fifth past the due time
                    long span = Duration.between(run.last(), m.dueAt()).toSeconds();
                    Instant at = run.last().plusSeconds(span * per / 1000);

                    MilestoneRecord done = TicketAggregate.complete(m, calendar, at);

                    assertThat(done.isCompleted()).isTrue();
                    assertThat(done.completedAt()).isEqualTo(at);
                    assertThat(done.breached()).as("completed at " + at + ", due " + m.dueAt())
                            .isEqualTo(run.pausedAfterDue() || at.isAfter(m.dueAt()));
                    assertThat(TicketAggregate.breached(done, at.plusSeconds(86_400 * 30)))
                            .as("a completed milestone's flag is final").isEqualTo(done.breached());
                    assertThat(TicketAggregate.complete(done, calendar, at.plusSeconds(60))).isEqualTo(done);
                });
    }

    @Test
    void the_time_left_never_grows_while_running_stands_still_while_paused_and_is_zero_at_the_due_time() {
        qt().withExamples(300).forAll(starts(), targets(), longs().between(0, Duration.ofDays(30).toSeconds()),
                longs().between(0, Duration.ofDays(30).toSeconds())).checkAssert((s, target, a, b) -> {
                    BusinessCalendar calendar = s.calendar();
                    Instant start = s.at();
                    MilestoneRecord m = started(calendar, start, target);
                    Instant earlier = start.plusSeconds(Math.min(a, b));
                    Instant later = start.plusSeconds(Math.max(a, b));

                    assertThat(TicketAggregate.timeLeft(m, calendar, start)).isEqualTo(target);
                    assertThat(TicketAggregate.timeLeft(m, calendar, earlier))
                            .isGreaterThanOrEqualTo(TicketAggregate.timeLeft(m, calendar, later));
                    assertThat(TicketAggregate.timeLeft(m, calendar, m.dueAt())).isZero();
                    MilestoneRecord paused = TicketAggregate.pause(m, calendar, earlier);
                    assertThat(TicketAggregate.timeLeft(paused, calendar, later))
                            .isEqualTo(TicketAggregate.timeLeft(m, calendar, earlier));
                    assertThat(TicketAggregate.breached(m, later)).isEqualTo(later.isAfter(m.dueAt()));
                });
    }
}
