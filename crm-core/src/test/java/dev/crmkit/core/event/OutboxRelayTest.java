package dev.crmkit.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.crmkit.core.port.EventListener;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.port.RecordingEventListener;
import dev.crmkit.core.touchpoint.FollowUpRescheduled;
import dev.crmkit.core.touchpoint.Garbage;
import dev.crmkit.core.touchpoint.TouchPointFixtures;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.TransactionRunner;
import dev.crmkit.spi.idempotency.IdempotencyStore;
import dev.crmkit.spi.outbox.OutboxEvent;
import dev.crmkit.spi.outbox.OutboxStore;
import dev.crmkit.spi.scheduling.DueWorkStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final TouchPointFixtures fixtures = new TouchPointFixtures();

    private OutboxRelay relay(String node, int batchSize) {
        return OutboxRelay.create(fixtures.storage, fixtures.clock, node, new OutboxRelay.Settings(batchSize, LEASE,
                Duration.ofMillis(10)));
    }

    /** Records {@code perTask} rescheduling events for each of {@code tasks} tasks, interleaved across tasks. */
    private List<UUID> recordEvents(int tasks, int perTask) {
        List<UUID> taskIds = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            taskIds.add(UUID.randomUUID());
        }
        for (int round = 0; round < perTask; round++) {
            for (UUID taskId : taskIds) {
                Instant due = TouchPointFixtures.START.plusSeconds(round);
                fixtures.storage.transactions().run(() -> fixtures.context.events().record(new FollowUpRescheduled(
                        TouchPointFixtures.TENANT, taskId, UUID.randomUUID(), due.minusSeconds(1), due,
                        fixtures.clock.instant())));
            }
        }
        return taskIds;
    }

    private static Map<String, List<Long>> sequencesByAggregate(List<PublishedEvent> events) {
        return events.stream().collect(Collectors.groupingBy(PublishedEvent::aggregateId,
                Collectors.mapping(PublishedEvent::sequence, Collectors.toList())));
    }

    @Test
    void events_reach_every_listener_in_order_per_aggregate_and_are_marked_delivered() {
        // given
        recordEvents(3, 4);
        RecordingEventListener first = new RecordingEventListener();
        RecordingEventListener second = new RecordingEventListener();
        OutboxRelay relay = relay("node-1", 5);
        relay.register(first);
        relay.register(second);

        // when
        int delivered = 0;
        OutboxRelay.Run run;
        do {
            run = relay.relayOnce();
            delivered += run.delivered();
        } while (run.claimed() > 0);

        // then
        assertThat(delivered).isEqualTo(12);
        assertThat(first.received()).hasSize(12).isEqualTo(second.received());
        assertThat(sequencesByAggregate(first.received()).values())
                .hasSize(3)
                .allSatisfy(sequences -> assertThat(sequences).hasSize(4).isSorted());
        assertThat(fixtures.storage.outbox().countUndelivered()).isZero();
        assertThat(first.received().get(0).type()).isEqualTo("follow-up.rescheduled");
        assertThat(first.received().get(0).tenantId()).isEqualTo(TouchPointFixtures.TENANT);
    }

    @Test
    void failing_listener_holds_back_its_aggregate_only_and_the_events_are_retried_in_order() {
        // given a listener that rejects the second event of one task, once
        List<UUID> tasks = recordEvents(2, 3);
        String troubled = tasks.get(0).toString();
        AtomicInteger troubledSeen = new AtomicInteger();
        RecordingEventListener recorder = new RecordingEventListener();
        OutboxRelay relay = relay("node-1", 100);
        relay.register(event -> {
            if (event.aggregateId().equals(troubled) && troubledSeen.incrementAndGet() == 2) {
                throw new IllegalStateException("broker unavailable");
            }
        });
        relay.register(recorder);

        // when
        OutboxRelay.Run firstRun = relay.relayOnce();
        OutboxRelay.Run secondRun = relay.relayOnce();

        // then: the troubled task's 2nd and 3rd events were released, the other task went through
        assertThat(firstRun).isEqualTo(new OutboxRelay.Run(6, 4, 2));
        assertThat(secondRun).isEqualTo(new OutboxRelay.Run(2, 2, 0));
        assertThat(sequencesByAggregate(recorder.received()).values())
                .allSatisfy(sequences -> assertThat(sequences).hasSize(3).isSorted());
        assertThat(fixtures.storage.outbox().countUndelivered()).isZero();
    }

    @Test
    void events_of_a_relay_that_died_mid_batch_are_delivered_again_after_its_lease_expires() {
        // given a relay that delivers two events, then dies without marking anything
        recordEvents(2, 3);
        List<PublishedEvent> beforeDeath = new ArrayList<>();
        OutboxRelay dying = relay("node-1", 100);
        dying.register(event -> {
            if (beforeDeath.size() == 2) {
                throw new RelayDied();
            }
            beforeDeath.add(event);
        });
        assertThatThrownBy(dying::relayOnce).isInstanceOf(RelayDied.class);
        RecordingEventListener recorder = new RecordingEventListener();
        OutboxRelay survivor = relay("node-2", 100);
        survivor.register(recorder);

        // when the lease still holds, nothing is delivered
        assertThat(survivor.relayOnce().claimed()).isZero();

        // when it has expired
        fixtures.clock.advance(LEASE);
        survivor.relayOnce();

        // then everything is delivered, including the two the dead relay had handed out (at least once)
        assertThat(recorder.received()).hasSize(6).containsAll(beforeDeath);
        assertThat(sequencesByAggregate(recorder.received()).values())
                .allSatisfy(sequences -> assertThat(sequences).isSorted());
        assertThat(fixtures.storage.outbox().countUndelivered()).isZero();
    }

    @Test
    void two_relays_on_one_storage_never_deliver_an_event_twice_at_once_and_deliver_everything() throws Exception {
        // given
        recordEvents(20, 25);
        Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
        Set<UUID> delivered = ConcurrentHashMap.newKeySet();
        Map<String, Long> lastSequence = new ConcurrentHashMap<>();
        AtomicBoolean overlapped = new AtomicBoolean();
        AtomicBoolean outOfOrder = new AtomicBoolean();
        EventListener checking = event -> {
            if (!inFlight.add(event.id())) {
                overlapped.set(true);
            }
            Long previous = lastSequence.put(event.aggregateId(), event.sequence());
            if (previous != null && previous > event.sequence()) {
                outOfOrder.set(true);
            }
            Thread.yield();
            delivered.add(event.id());
            inFlight.remove(event.id());
        };
        List<OutboxRelay> relays = List.of(relay("node-1", 7), relay("node-2", 7));
        relays.forEach(r -> r.register(checking));

        // when
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (OutboxRelay relay : relays) {
            runs.add(threads.submit(() -> {
                start.await();
                while (fixtures.storage.outbox().countUndelivered() > 0) {
                    relay.relayOnce();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        // then
        assertThat(overlapped).isFalse();
        assertThat(outOfOrder).isFalse();
        assertThat(delivered).hasSize(500);
    }

    @Test
    void background_thread_delivers_until_stopped() throws Exception {
        // given
        CountDownLatch received = new CountDownLatch(4);
        try (OutboxRelay relay = relay("node-1", 100)) {
            relay.register(event -> received.countDown());
            recordEvents(2, 2);

            // when
            relay.start();

            // then
            assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
            relay.stop();
        }
        recordEvents(1, 1);
        Thread.sleep(100);
        assertThat(fixtures.storage.outbox().countUndelivered()).isEqualTo(1);
    }

    @Test
    void the_background_loop_goes_on_at_once_while_batches_come_back_full_and_pauses_after_one_that_is_not() {
        // given: 250 events (50 tasks, 5 each) and batches of 100
        recordEvents(50, 5);
        LeasingOutboxRelay relay = (LeasingOutboxRelay) relay("node-1", 100);
        RecordingEventListener recorder = new RecordingEventListener();
        relay.register(recorder);

        // when / then: full, full, then 50
        assertThat(relay.relayAndSayIfMoreWaits()).isTrue();
        assertThat(relay.relayAndSayIfMoreWaits()).isTrue();
        assertThat(relay.relayAndSayIfMoreWaits()).isFalse();
        assertThat(recorder.received()).hasSize(250);
    }

    @Test
    void after_a_full_batch_a_listener_failed_on_the_background_loop_pauses_instead_of_claiming_it_again_at_once() {
        recordEvents(10, 1);
        LeasingOutboxRelay relay = (LeasingOutboxRelay) relay("node-1", 10);
        relay.register(event -> {
            throw new IllegalStateException("broker unavailable");
        });

        assertThat(relay.relayAndSayIfMoreWaits()).isFalse();
        assertThat(fixtures.storage.outbox().countUndelivered()).isEqualTo(10);
    }

    @Test
    void a_started_relay_drains_a_backlog_of_full_batches_without_waiting_for_its_poll_interval() throws Exception {
        // given: 1,000 events, batches of 100 and an hour between polls
        recordEvents(100, 10);
        CountDownLatch all = new CountDownLatch(1000);
        try (OutboxRelay relay = OutboxRelay.create(fixtures.storage, fixtures.clock, "node-1",
                new OutboxRelay.Settings(100, LEASE, Duration.ofHours(1)))) {
            relay.register(event -> all.countDown());

            // when
            relay.start();

            // then: ten batches in a row; waiting for the next poll would take an hour (the wait is a bound only)
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(fixtures.storage.outbox().countUndelivered()).isZero();
    }

    @Test
    void a_claim_that_took_most_of_the_lease_hands_out_nothing_and_gives_the_events_back() {
        // given: a claim that returns when 50 of the lease's 60 seconds have passed
        recordEvents(3, 1);
        Duration lease = Duration.ofSeconds(60);
        Storage slow = claimsTaking(Duration.ofSeconds(50));
        OutboxRelay relay = OutboxRelay.create(slow, fixtures.clock, "node-1",
                new OutboxRelay.Settings(100, lease, Duration.ofSeconds(1)));
        RecordingEventListener late = new RecordingEventListener();
        relay.register(late);

        // when
        OutboxRelay.Run run = relay.relayOnce();

        // then: nothing handed out; another relay takes the events at once, before the lease would have ended
        assertThat(run).isEqualTo(new OutboxRelay.Run(3, 0, 3));
        assertThat(late.received()).isEmpty();
        RecordingEventListener other = new RecordingEventListener();
        OutboxRelay otherRelay = relay("node-2", 100);
        otherRelay.register(other);
        assertThat(otherRelay.relayOnce().delivered()).isEqualTo(3);
        assertThat(other.received()).hasSize(3);
    }

    @Test
    void a_batch_slower_than_three_quarters_of_the_lease_is_marked_as_far_as_it_got_and_the_rest_is_given_back() {
        // given: ten events of ten tasks and a listener that takes ten seconds each, with a 60 second lease
        recordEvents(10, 1);
        OutboxRelay relay = OutboxRelay.create(fixtures.storage, fixtures.clock, "node-1",
                new OutboxRelay.Settings(100, Duration.ofSeconds(60), Duration.ofSeconds(1)));
        RecordingEventListener recorder = new RecordingEventListener();
        relay.register(event -> fixtures.clock.advance(Duration.ofSeconds(10)));
        relay.register(recorder);

        // when
        OutboxRelay.Run run = relay.relayOnce();

        // then: handed out at 0, 10, 20, 30 and 40 s; at 50 s less than a quarter of the lease was left
        assertThat(run).isEqualTo(new OutboxRelay.Run(10, 5, 5));
        assertThat(recorder.received()).hasSize(5);
        assertThat(fixtures.storage.outbox().countUndelivered()).isEqualTo(5);
        assertThat(relay.relayOnce().delivered()).isEqualTo(5);
    }

    /** The fixtures' storage, whose outbox claims return only after {@code took} has passed on the clock. */
    private Storage claimsTaking(Duration took) {
        OutboxStore outbox = fixtures.storage.outbox();
        OutboxStore slow = new OutboxStore() {
            @Override
            public void append(List<OutboxEvent> events) {
                outbox.append(events);
            }

            @Override
            public List<OutboxEvent> claim(String claimer, int limit, Duration lease, Instant now) {
                List<OutboxEvent> claimed = outbox.claim(claimer, limit, lease, now);
                fixtures.clock.advance(took);
                return claimed;
            }

            @Override
            public int markDelivered(String claimer, List<UUID> eventIds, Instant now) {
                return outbox.markDelivered(claimer, eventIds, now);
            }

            @Override
            public int release(String claimer, List<UUID> eventIds) {
                return outbox.release(claimer, eventIds);
            }

            @Override
            public long countUndelivered() {
                return outbox.countUndelivered();
            }

            @Override
            public int purgeDelivered(Instant before) {
                return outbox.purgeDelivered(before);
            }
        };
        return new Storage() {
            @Override
            public TransactionRunner transactions() {
                return fixtures.storage.transactions();
            }

            @Override
            public OutboxStore outbox() {
                return slow;
            }

            @Override
            public DueWorkStore dueWork() {
                return fixtures.storage.dueWork();
            }

            @Override
            public IdempotencyStore idempotency() {
                return fixtures.storage.idempotency();
            }
        };
    }

    @Test
    void malformed_settings_and_listeners_are_rejected() {
        assertThatThrownBy(() -> new OutboxRelay.Settings(1001, LEASE, LEASE)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new OutboxRelay.Settings(10, Duration.ofSeconds(-1), LEASE))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new OutboxRelay.Settings(10, LEASE, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> OutboxRelay.create(fixtures.storage, fixtures.clock, null, OutboxRelay.Settings.defaults()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> relay("node-1", 1).register(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void creating_a_relay_from_garbage_throws_only_crm_exceptions() {
        qt().withExamples(300).forAll(Garbage.PICKS).checkAssert(picks -> {
            Garbage g = Garbage.of(picks, List.of());
            Garbage.assertSafe(() -> 0, () -> OutboxRelay.create(fixtures.storage, fixtures.clock, g.text(0),
                    new OutboxRelay.Settings(g.number(1), Duration.ofSeconds(g.number(2)),
                            Duration.ofMillis(g.number(3)))));
        });
    }

    /** Stands for a process that dies: an Error is not a listener's rejection and escapes the relay. */
    private static final class RelayDied extends Error {
        private static final long serialVersionUID = 1L;
    }
}
