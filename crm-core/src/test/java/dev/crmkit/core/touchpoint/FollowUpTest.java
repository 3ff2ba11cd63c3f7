package dev.crmkit.core.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.touchpoint.TaskStatus;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FollowUpTest {
    private final TouchPointFixtures fixtures = new TouchPointFixtures();
    private final TouchPointService touchPoints = fixtures.touchPoints();
    private final CustomerRecord anna = fixtures.person("Anna");

    private Optional<DueWorkRecord> dueWorkOf(FollowUp task) {
        return fixtures.storage.dueWork().find(TouchPointFixtures.TENANT, TouchPointService.FOLLOW_UP_DUE,
                task.id().toString());
    }

    @Test
    void scheduled_follow_up_is_open_and_its_due_work_is_scheduled() {
        // when
        FollowUp task = touchPoints.schedule(fixtures.callBackTomorrow(anna.id()));

        // then
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.closedAt()).isNull();
        assertThat(touchPoints.followUp(task.id())).isEqualTo(task);
        assertThat(dueWorkOf(task)).get().extracting(DueWorkRecord::dueAt).isEqualTo(task.dueAt());
        assertThat(touchPoints.openFollowUps(anna.id(), PageRequest.first(10)).items()).containsExactly(task);
        assertThat(touchPoints.openFollowUpsOf("agent-7", PageRequest.first(10)).items()).containsExactly(task);
        assertThat(fixtures.publishedTypes()).containsExactly("follow-up.scheduled");
    }

    @Test
    void a_retried_schedule_with_the_same_key_returns_the_first_follow_up_as_it_stands_and_schedules_nothing() {
        FollowUp first = touchPoints.schedule(fixtures.callBackTomorrow(anna.id()), "call-back-form-3");
        FollowUp moved = touchPoints.reschedule(first.id(), TouchPointFixtures.START.plus(Duration.ofDays(3)));

        FollowUp again = touchPoints.schedule(fixtures.callBackTomorrow(anna.id()), "call-back-form-3");

        assertThat(again).isEqualTo(moved);
        assertThat(touchPoints.openFollowUps(anna.id(), PageRequest.first(10)).items()).containsExactly(moved);
        assertThat(fixtures.publishedTypes()).containsOnlyOnce("follow-up.scheduled");
        CustomerRecord bert = fixtures.person("Bert");
        assertThatThrownBy(() -> touchPoints.schedule(fixtures.callBackTomorrow(bert.id()), "call-back-form-3"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> touchPoints.schedule(fixtures.callBackTomorrow(anna.id()), ""))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("idempotencyKey"));
        assertThat(touchPoints.schedule(fixtures.callBackTomorrow(anna.id()), "call-back-form-4").id())
                .isNotEqualTo(first.id());
    }

    @Test
    void follow_up_may_arise_from_an_interaction_of_the_same_customer_only() {
        // given
        Interaction call = touchPoints.record(fixtures.serviceCall(anna.id()));
        CustomerRecord bert = fixtures.person("Bert");

        // when
        FollowUp task = touchPoints.schedule(new ScheduleFollowUp(anna.id(), "Send offer",
                TouchPointFixtures.START.plusSeconds(60), null, call.id()));

        // then
        assertThat(task.interactionId()).isEqualTo(call.id());
        assertThatThrownBy(() -> touchPoints.schedule(new ScheduleFollowUp(bert.id(), "Send offer",
                TouchPointFixtures.START.plusSeconds(60), null, call.id())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("interactionId");
    }

    @Test
    void rescheduling_moves_the_due_work_along() {
        // given
        FollowUp task = touchPoints.schedule(fixtures.callBackTomorrow(anna.id()));
        Instant nextWeek = TouchPointFixtures.START.plus(Duration.ofDays(7));

        // when
        FollowUp moved = touchPoints.reschedule(task.id(), nextWeek);

        // then
        assertThat(moved.dueAt()).isEqualTo(nextWeek);
        assertThat(moved.version()).isEqualTo(task.version() + 1);
        assertThat(dueWorkOf(task)).get().extracting(DueWorkRecord::dueAt).isEqualTo(nextWeek);
        assertThat(fixtures.publishedTypes()).containsExactly("follow-up.scheduled", "follow-up.rescheduled");
    }

    @Test
    void reassigning_hands_the_follow_up_to_another_agent() {
        // given
        FollowUp task = touchPoints.schedule(fixtures.callBackTomorrow(anna.id()));

        // when
        FollowUp reassigned = touchPoints.reassign(task.id(), "agent-9");

        // then
        assertThat(reassigned.assigneeId()).isEqualTo("agent-9");
        assertThat(touchPoints.openFollowUpsOf("agent-7", PageRequest.first(10)).items()).isEmpty();
        assertThat(touchPoints.openFollowUpsOf("agent-9", PageRequest.first(10)).items()).containsExactly(reassigned);
        assertThat(fixtures.publishedTypes()).containsExactly("follow-up.scheduled", "follow-up.reassigned");
    }

    @Test
    void completing_closes_the_follow_up_and_cancels_its_due_work() {
        // given
        FollowUp task = touchPoints.schedule(fixtures.callBackTomorrow(anna.id()));
        fixtures.clock.advance(Duration.ofHours(2));

        // when
        FollowUp done = touchPoints.complete(task.id());

        // then
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.closedAt()).isEqualTo(TouchPointFixtures.START.plus(Duration.ofHours(2)));
        assertThat(dueWorkOf(task)).isEmpty();
        assertThat(touchPoints.openFollowUps(anna.id(), PageRequest.first(10)).items()).isEmpty();
        assertThat(fixtures.publishedTypes()).containsExactly("follow-up.scheduled", "follow-up.completed");
    }

    @Test
    void cancelling_closes_the_follow_up_and_cancels_its_due_work() {
        // given
        FollowUp task = touchPoints.schedule(fixtures.callBackTomorrow(anna.id()));

        // when
        FollowUp cancelled = touchPoints.cancel(task.id());

        // then
        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(cancelled.closedAt()).isNotNull();
        assertThat(dueWorkOf(task)).isEmpty();
        assertThat(fixtures.publishedTypes()).containsExactly("follow-up.scheduled", "follow-up.cancelled");
    }

    @Test
    void closed_follow_up_cannot_change_again() {
        // given
        FollowUp done = touchPoints.complete(touchPoints.schedule(fixtures.callBackTomorrow(anna.id())).id());
        FollowUp cancelled = touchPoints.cancel(touchPoints.schedule(fixtures.callBackTomorrow(anna.id())).id());

        // when / then
        for (FollowUp closed : new FollowUp[] {done, cancelled}) {
            Consumer<Runnable> rejected = change -> assertThatThrownBy(change::run)
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining(closed.status().name());
            rejected.accept(() -> touchPoints.complete(closed.id()));
            rejected.accept(() -> touchPoints.cancel(closed.id()));
            rejected.accept(() -> touchPoints.reassign(closed.id(), "agent-9"));
            rejected.accept(() -> touchPoints.reschedule(closed.id(), TouchPointFixtures.START));
            assertThat(touchPoints.followUp(closed.id())).isEqualTo(closed);
        }
        assertThat(fixtures.publishedTypes()).containsExactly("follow-up.scheduled", "follow-up.completed",
                "follow-up.scheduled", "follow-up.cancelled");
    }

    @Test
    void follow_up_for_an_unknown_customer_or_task_is_not_found() {
        assertThatThrownBy(() -> touchPoints.schedule(fixtures.callBackTomorrow(java.util.UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> touchPoints.complete(java.util.UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixtures.publishedTypes()).isEmpty();
    }

    @Test
    void follow_up_for_a_merged_customer_belongs_to_the_survivor() {
        // when
        FollowUp task = touchPoints.schedule(fixtures.callBackTomorrow(fixtures.mergedInto(anna).id()));

        // then
        assertThat(task.customerId()).isEqualTo(anna.id());
    }
}
