package dev.crmkit.core.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.scheduling.DueWork;
import dev.crmkit.core.scheduling.DueWorkScheduler;
import dev.crmkit.spi.customer.CustomerRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FollowUpDueTest {
    private final TouchPointFixtures fixtures = new TouchPointFixtures();
    private final TouchPointService touchPoints = fixtures.touchPoints();
    private final DueWorkScheduler scheduler = fixtures.crm.scheduler();
    private final CustomerRecord anna = fixtures.person("Anna");

    @Test
    void open_follow_up_falls_due_when_the_clock_passes_its_due_time() {
        // given
        FollowUp task = touchPoints.schedule(fixtures.callBackTomorrow(anna.id()));

        // when the clock has not reached the due time, nothing happens
        fixtures.clock.advance(Duration.ofHours(23));
        assertThat(scheduler.runDueWork().claimed()).isZero();

        // when it has
        fixtures.clock.advance(Duration.ofHours(2));
        DueWorkScheduler.Run run = scheduler.runDueWork();

        // then
        assertThat(run).isEqualTo(new DueWorkScheduler.Run(1, 1, 0));
        List<PublishedEvent> events = fixtures.publishAll();
        assertThat(events).extracting(PublishedEvent::type).containsExactly("follow-up.scheduled", "follow-up.due");
        FollowUpDue due = JsonMapper.builder().build().readValue(events.get(1).payload(), FollowUpDue.class);
        assertThat(due.taskId()).isEqualTo(task.id());
        assertThat(due.dueAt()).isEqualTo(task.dueAt());
        assertThat(scheduler.runDueWork().claimed()).isZero();
    }

    @Test
    void completed_follow_up_never_falls_due() {
        // given
        FollowUp task = touchPoints.schedule(fixtures.callBackTomorrow(anna.id()));
        touchPoints.complete(task.id());

        // when
        fixtures.clock.advance(Duration.ofDays(2));

        // then
        assertThat(scheduler.runDueWork().claimed()).isZero();
        assertThat(fixtures.publishedTypes()).doesNotContain("follow-up.due");
    }

    @Test
    void rescheduled_follow_up_falls_due_at_its_new_time_only() {
        // given
        FollowUp task = touchPoints.schedule(fixtures.callBackTomorrow(anna.id()));
        touchPoints.reschedule(task.id(), TouchPointFixtures.START.plus(Duration.ofDays(3)));

        // when the old due time passes
        fixtures.clock.advance(Duration.ofDays(2));
        assertThat(scheduler.runDueWork().claimed()).isZero();

        // when the new one passes
        fixtures.clock.advance(Duration.ofDays(2));
        assertThat(scheduler.runDueWork().completed()).isEqualTo(1);

        // then
        assertThat(fixtures.publishedTypes()).containsExactly("follow-up.scheduled", "follow-up.rescheduled",
                "follow-up.due");
    }

    @Test
    void stale_due_work_for_a_closed_or_not_yet_due_follow_up_does_nothing() {
        // given a handler called with work that was claimed before the task changed
        FollowUp closed = touchPoints.cancel(touchPoints.schedule(fixtures.callBackTomorrow(anna.id())).id());
        FollowUp notYetDue = touchPoints.schedule(fixtures.callBackTomorrow(anna.id()));
        var handler = new FollowUpDueHandler(fixtures.context);

        // when
        for (FollowUp task : List.of(closed, notYetDue)) {
            handler.handle(new DueWork(TouchPointFixtures.TENANT, java.util.UUID.randomUUID(),
                    TouchPointService.FOLLOW_UP_DUE, task.id().toString(), task.dueAt(), null, 1));
        }
        handler.handle(new DueWork(TouchPointFixtures.TENANT, java.util.UUID.randomUUID(),
                TouchPointService.FOLLOW_UP_DUE, "not-a-task-id", TouchPointFixtures.START, null, 1));

        // then
        assertThat(fixtures.publishedTypes()).doesNotContain("follow-up.due");
    }
}
