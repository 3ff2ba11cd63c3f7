package dev.crmkit.core.event;

import dev.crmkit.core.port.EventListener;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.Storage;
import java.time.Clock;
import java.time.Duration;

/**
 * Delivers the domain events of the transactional outbox to the registered {@link EventListener}s.
 *
 * <p>Guarantees:
 * <ul>
 *   <li><b>At least once.</b> Events are claimed with a lease, delivered, and only then marked delivered. A relay
 *       that dies between delivering and marking loses its lease when it expires, and any relay delivers the
 *       events again.</li>
 *   <li><b>In order per aggregate.</b> Each event goes to every listener, in registration order, before the next
 *       event of the batch. When a listener throws, the relay delivers none of the same aggregate's later events
 *       in the batch and releases them together with the failed one, so they are retried in order; listeners that
 *       had already received the failed event receive it again.</li>
 *   <li><b>Safe on several nodes.</b> The outbox hands no event to two relays at once and holds back an aggregate's
 *       later events while an earlier one is leased elsewhere, so relays on many nodes may share one storage.</li>
 * </ul>
 * Call {@link #relayOnce()} to deliver one batch (tests, a host's own scheduler), or {@link #start()} a daemon
 * thread that does so again and again: at once after a full batch delivered without a failure, so a backlog drains
 * without pausing, and after {@link Settings#pollInterval()} otherwise.
 *
 * <p>A relay hands out a claimed event only while a quarter of its lease is left (the lease counted from the moment
 * it asked for the claim, however long the claim took), and gives back what it did not hand out, so it is marked or
 * released before another relay may take it over.
 */
public interface OutboxRelay extends AutoCloseable {

    /**
     * A relay for the outbox of {@code storage}, claiming events as {@code nodeId} at the times of {@code clock}.
     * {@code Crm} makes one with its listeners and its domains' reactions; make one by hand only to relay without it.
     *
     * @param nodeId this node's name, unique among the nodes sharing the storage; 1 to 100 characters
     * @throws ValidationException when an argument is missing or malformed
     */
    static OutboxRelay create(Storage storage, Clock clock, String nodeId, Settings settings) {
        Checks.required("storage", storage);
        Checks.required("clock", clock);
        Checks.text("nodeId", nodeId, 100);
        Checks.required("settings", settings);
        return new LeasingOutboxRelay(storage, clock, nodeId, settings);
    }

    /**
     * Adds a listener; events go to listeners in the order they were registered.
     *
     * @throws ValidationException when the listener is null
     */
    void register(EventListener listener);

    /**
     * Claims one batch of events, delivers it and marks what was delivered; gives back, undelivered, the events a
     * listener failed on, the later events of their aggregates, and whatever three quarters of the lease did not
     * leave time to hand out. Returns what happened.
     */
    Run relayOnce();

    /**
     * Starts calling {@link #relayOnce()} on a daemon thread: again at once while batches come back full with
     * nothing given back, otherwise after {@link Settings#pollInterval()}; idempotent.
     */
    void start();

    /** Stops the background thread, waiting for a batch in progress; idempotent. */
    void stop();

    /** Stops the background thread. */
    @Override
    void close();

    /**
     * What one run did: how many events it claimed, delivered to every listener and marked, and released for a
     * retry because a listener failed on them or on an earlier event of their aggregate.
     */
    record Run(int claimed, int delivered, int released) {
    }

    /**
     * How a relay claims.
     *
     * @param batchSize events claimed per run, 1 to 1000
     * @param lease how long a claim holds before another relay may take the events; longer than claiming and
     *     delivering a batch take: the relay hands out events only during its first three quarters
     * @param pollInterval the pause after a background run that found less than a full batch; positive
     */
    record Settings(int batchSize, Duration lease, Duration pollInterval) {
        /** Validates the settings; a {@link ValidationException} names the offending one. */
        public Settings {
            Checks.limit("batchSize", batchSize, 1000);
            positive("lease", lease);
            positive("pollInterval", pollInterval);
        }

        /** 100 events a run, a 1 minute lease, polling every second. */
        public static Settings defaults() {
            return new Settings(100, Duration.ofMinutes(1), Duration.ofSeconds(1));
        }

        private static void positive(String field, Duration value) {
            Checks.required(field, value);
            if (value.isNegative() || value.isZero()) {
                throw new ValidationException(field, "must be positive");
            }
        }
    }
}
