package dev.crmkit.core.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.touchpoint.TaskStatus;
import dev.crmkit.spi.touchpoint.TaskRecord;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * A follow-up's lifecycle under generated command sequences against a model of its legal states: open until done or
 * cancelled, and closed for good. An accepted command leaves the stored task in the model's state; a command on a
 * closed task throws {@link IllegalTransitionException} and leaves the task, its due work and the outbox as they
 * were.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FollowUpLifecyclePropertyTest {
    private enum Command { RESCHEDULE, REASSIGN, COMPLETE, CANCEL }

    private static Gen<List<Command>> sequences() {
        return lists().of(integers().between(0, Command.values().length - 1).map(i -> Command.values()[i]))
                .ofSizeBetween(1, 12);
    }

    @Test
    void generated_commands_keep_a_follow_up_in_its_legal_states_and_a_refused_one_changes_nothing() {
        qt().withExamples(100).forAll(sequences()).checkAssert(commands -> {
            TouchPointFixtures fixtures = new TouchPointFixtures();
            TouchPointService touchPoints = fixtures.touchPoints();
            UUID id = touchPoints.schedule(fixtures.callBackTomorrow(fixtures.person("Anna").id())).id();
            TaskStatus model = TaskStatus.OPEN;
            for (int step = 0; step < commands.size(); step++) {
                Command command = commands.get(step);
                String at = "step " + step + " " + command + " in " + model + " of " + commands;
                fixtures.clock.advance(Duration.ofMinutes(1));
                TaskRecord before = fixtures.tasks().get(TouchPointFixtures.TENANT, id).orElseThrow();
                var dueBefore = fixtures.storage.dueWork().find(TouchPointFixtures.TENANT,
                        TouchPointService.FOLLOW_UP_DUE, id.toString());
                long outboxBefore = fixtures.storage.outbox().countUndelivered();
                int n = step;

                Throwable thrown = catchThrowable(() -> run(command, touchPoints, id, fixtures, n));

                TaskRecord after = fixtures.tasks().get(TouchPointFixtures.TENANT, id).orElseThrow();
                if (model != TaskStatus.OPEN) {
                    assertThat(thrown).as(at).isInstanceOf(IllegalTransitionException.class);
                    assertThat(after).as(at + ": the stored task").isEqualTo(before);
                    assertThat(fixtures.storage.dueWork().find(TouchPointFixtures.TENANT,
                            TouchPointService.FOLLOW_UP_DUE, id.toString())).as(at + ": its due work")
                            .isEqualTo(dueBefore);
                    assertThat(fixtures.storage.outbox().countUndelivered()).as(at + ": the outbox")
                            .isEqualTo(outboxBefore);
                    continue;
                }
                assertThat(thrown).as(at).isNull();
                model = switch (command) {
                    case COMPLETE -> TaskStatus.DONE;
                    case CANCEL -> TaskStatus.CANCELLED;
                    default -> TaskStatus.OPEN;
                };
                assertThat(after.status()).as(at).isEqualTo(model);
                assertThat(after.completedAt() != null).as(at + ": closed").isEqualTo(model != TaskStatus.OPEN);
            }
        });
    }

    private static void run(Command command, TouchPointService touchPoints, UUID id, TouchPointFixtures fixtures,
            int step) {
        switch (command) {
            case RESCHEDULE -> touchPoints.reschedule(id, fixtures.clock.instant().plus(Duration.ofDays(1 + step)));
            case REASSIGN -> touchPoints.reassign(id, "agent-" + step);
            case COMPLETE -> touchPoints.complete(id);
            case CANCEL -> touchPoints.cancel(id);
        }
    }
}
