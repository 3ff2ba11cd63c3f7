package dev.crmkit.core.scheduling;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.Storage;
import java.time.Clock;
import java.time.Duration;

/**
 * Runs due work: things that fall due at a time, such as a follow-up task reaching its due date. Work is stored
 * by the storage's {@link dev.crmkit.spi.scheduling.DueWorkStore}, so it survives restarts, and is claimed with
 * leases, so any number of nodes may run a scheduler on the same storage: each piece is held by one node at a time,
 * and a node that dies loses its lease and another takes the work over. Work is therefore done at least once.
 *
 * <p>Register a {@link DueWorkHandler} per kind, then either call {@link #runDueWork()} (tests, a host's own
 * scheduler) or {@link #start()} a background thread. A handler that throws has its work retried after a backoff
 * that doubles with every attempt ({@link Settings#retryBackoff()} up to {@link Settings#maxBackoff()}); work of a
 * kind with no handler on this node is retried the same way, as another node may have one.
 */
public interface DueWorkScheduler extends AutoCloseable {

    /**
     * A scheduler for the due work of {@code storage}, claiming work as {@code nodeId} at the times of {@code clock}.
     * {@code Crm} makes one with the handlers of its domains; make one by hand only to run due work without it.
     *
     * @param nodeId this node's name, unique among the nodes sharing the storage; 1 to 100 characters
     * @throws ValidationException when an argument is missing or malformed
     */
    static DueWorkScheduler create(Storage storage, Clock clock, String nodeId, Settings settings) {
        Checks.required("storage", storage);
        Checks.required("clock", clock);
        Checks.text("nodeId", nodeId, 100);
        Checks.required("settings", settings);
        return new LeasingDueWorkScheduler(storage, clock, nodeId, settings);
    }

    /**
     * Registers the handler of one kind of work, replacing any earlier one.
     *
     * @throws ValidationException when the kind is blank or longer than 100 characters, or the handler is null
     */
    void register(String kind, DueWorkHandler handler);

    /** Claims one batch of due work, runs its handlers and completes or retries each piece; returns what happened. */
    Run runDueWork();

    /**
     * Starts calling {@link #runDueWork()} on a daemon thread: again at once while batches come back full, otherwise
     * after {@link Settings#pollInterval()}; idempotent.
     */
    void start();

    /** Stops the background thread, waiting for a run in progress; idempotent. */
    void stop();

    /** Stops the background thread. */
    @Override
    void close();

    /**
     * What one run did: how many pieces it claimed, completed, and gave back to be retried later. A piece that
     * was neither had lost its lease (rescheduled or cancelled meanwhile) and was left to its new owner.
     */
    record Run(int claimed, int completed, int retried) {
    }

    /**
     * How a scheduler claims and retries.
     *
     * @param batchSize pieces claimed per run, 1 to 1000
     * @param lease how long a claim holds before another node may take the work; positive
     * @param retryBackoff the delay before the first retry of failed work; positive
     * @param maxBackoff the longest delay between retries; at least {@code retryBackoff}
     * @param pollInterval the pause after a background run that found less than a full batch; positive
     */
    record Settings(int batchSize, Duration lease, Duration retryBackoff, Duration maxBackoff, Duration pollInterval) {
        /** Validates the settings; a {@link ValidationException} names the offending one. */
        public Settings {
            Checks.limit("batchSize", batchSize, 1000);
            positive("lease", lease);
            positive("retryBackoff", retryBackoff);
            positive("maxBackoff", maxBackoff);
            positive("pollInterval", pollInterval);
            if (maxBackoff.compareTo(retryBackoff) < 0) {
                throw new ValidationException("maxBackoff", "must be at least retryBackoff");
            }
        }

        /** 100 pieces a run, a 5 minute lease, retries after 30 s doubling up to 1 h, polling every 5 s. */
        public static Settings defaults() {
            return new Settings(100, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1),
                    Duration.ofSeconds(5));
        }

        /** These settings with another poll interval. */
        public Settings withPollInterval(Duration interval) {
            return new Settings(batchSize, lease, retryBackoff, maxBackoff, interval);
        }

        private static void positive(String field, Duration value) {
            Checks.required(field, value);
            if (value.isNegative() || value.isZero()) {
                throw new ValidationException(field, "must be positive");
            }
        }
    }
}
