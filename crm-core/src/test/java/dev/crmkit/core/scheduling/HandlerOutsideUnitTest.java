package dev.crmkit.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.touchpoint.FollowUpDue;
import dev.crmkit.core.touchpoint.TouchPointFixtures;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A handler that answers {@code runsInUnit() == false}: called outside any unit, so what it commits stays committed
 * when it fails afterwards; its work completed after it returns, unless it rescheduled the work itself.
 */
class HandlerOutsideUnitTest {
    private static final String KIND = "test.call-out";
    private static final DueWorkScheduler.Settings SETTINGS = new DueWorkScheduler.Settings(10,
            Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMillis(10));

    private final TouchPointFixtures fixtures = new TouchPointFixtures();
    private final DueWorkScheduler scheduler = DueWorkScheduler.create(fixtures.storage, fixtures.clock, "node-1",
            SETTINGS);

    private void due(String key) {
        fixtures.storage.dueWork().schedule(DueWorkRecord.of(TouchPointFixtures.TENANT, UUID.randomUUID(), KIND, key,
                TouchPointFixtures.START, null));
    }

    private void register(DueWorkHandler body) {
        scheduler.register(KIND, new DueWorkHandler() {
            @Override
            public void handle(DueWork work) {
                body.handle(work);
            }

            @Override
            public boolean runsInUnit() {
                return false;
            }
        });
    }

    private void recordAnEvent() {
        fixtures.storage.transactions().run(() -> fixtures.context.events().record(new FollowUpDue(
                TouchPointFixtures.TENANT, UUID.randomUUID(), UUID.randomUUID(), null, fixtures.clock.instant(),
                fixtures.clock.instant())));
    }

    @Test
    void handlers_run_in_the_completing_unit_unless_they_say_otherwise() {
        assertThat(((DueWorkHandler) work -> { }).runsInUnit()).isTrue();
    }

    @Test
    void what_the_handler_committed_stays_when_it_fails_afterwards_and_the_work_is_retried() {
        due("w-1");
        register(work -> {
            recordAnEvent();
            throw new IllegalStateException("the provider is down");
        });

        DueWorkScheduler.Run run = scheduler.runDueWork();

        assertThat(run).isEqualTo(new DueWorkScheduler.Run(1, 0, 1));
        assertThat(fixtures.storage.outbox().countUndelivered()).isEqualTo(1);
        assertThat(fixtures.storage.dueWork().find(TouchPointFixtures.TENANT, KIND, "w-1")).hasValueSatisfying(
                w -> assertThat(w.dueAt()).isEqualTo(TouchPointFixtures.START.plusSeconds(30)));
    }

    @Test
    void work_is_completed_after_the_handler_returns_unless_it_rescheduled_the_work() {
        due("done");
        due("later");
        register(work -> {
            if (work.key().equals("later")) {
                fixtures.storage.dueWork().schedule(DueWorkRecord.of(work.tenantId(), UUID.randomUUID(), KIND,
                        "later", TouchPointFixtures.START.plusSeconds(600), null));
            }
        });

        DueWorkScheduler.Run run = scheduler.runDueWork();

        assertThat(run).isEqualTo(new DueWorkScheduler.Run(2, 1, 0));
        assertThat(fixtures.storage.dueWork().find(TouchPointFixtures.TENANT, KIND, "done")).isEmpty();
        assertThat(fixtures.storage.dueWork().find(TouchPointFixtures.TENANT, KIND, "later")).hasValueSatisfying(
                w -> assertThat(w.dueAt()).isEqualTo(TouchPointFixtures.START.plusSeconds(600)));
    }
}
