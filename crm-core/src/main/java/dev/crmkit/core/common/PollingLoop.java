package dev.crmkit.core.common;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step again and again on a single daemon thread until stopped: the engine behind the outbox relay's and
 * the due-work scheduler's background mode. A step says whether more work is waiting (it came back with a full
 * batch): then the next run follows at once, so a backlog drains without pausing; otherwise the loop pauses for
 * its interval. A step that throws is logged (type and message only: CRMKit's messages carry no personal data)
 * and the loop pauses and goes on, because the next run may succeed; an {@link Error} is logged and ends the loop.
 */
public final class PollingLoop {
    private static final Logger LOG = LoggerFactory.getLogger(PollingLoop.class);

    private final String name;
    private final BooleanSupplier step;
    private final Duration interval;
    private final Pacer pacer;

    /**
     * A stopped loop.
     *
     * @param name the thread's name, for thread dumps
     * @param step what to run each time; returns whether more work is waiting, so the next run should follow at once
     * @param interval the pause after a run that found no more work waiting; positive
     */
    public PollingLoop(String name, BooleanSupplier step, Duration interval) {
        this(name, step, interval, new ThreadPacer(name));
    }

    /** A loop whose runs are paced by {@code pacer}: a thread of its own, or a test's hand. */
    PollingLoop(String name, BooleanSupplier step, Duration interval, Pacer pacer) {
        this.name = Objects.requireNonNull(name, "name");
        this.step = Objects.requireNonNull(step, "step");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
    }

    /** Starts the thread, which runs the step at once; does nothing when it already runs. */
    public void start() {
        pacer.start(this::tick);
    }

    /**
     * Stops the thread and waits up to {@code timeout} for a run in progress to finish; does nothing when the
     * loop is not running.
     *
     * @return whether the loop stopped within the timeout
     */
    public boolean stop(Duration timeout) {
        return pacer.stop(timeout);
    }

    /** Whether the thread runs. */
    public boolean isRunning() {
        return pacer.isRunning();
    }

    private void tick() {
        boolean more = runSafely();
        pacer.after(more ? Duration.ZERO : interval, this::tick);
    }

    private boolean runSafely() {
        try {
            return step.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.warn("{} run failed: {}: {}", name, e.getClass().getSimpleName(), e.getMessage());
            return false;
        } catch (Error e) {
            // An Error leaves the JVM in doubt; the loop ends and whatever this run held comes back after its lease.
            LOG.error("{} stopped: {}", name, e.getClass().getSimpleName());
            throw e;
        }
    }

    /** When the loop's runs happen. */
    interface Pacer {
        /** Begins running {@code first} now, unless already started. */
        void start(Runnable first);

        /** Runs {@code next} after {@code delay} (zero: at once), unless stopped meanwhile. */
        void after(Duration delay, Runnable next);

        /** Stops, waiting up to {@code timeout} for a run in progress; whether it stopped in time. */
        boolean stop(Duration timeout);

        /** Whether started and not stopped. */
        boolean isRunning();
    }

    /** Runs the loop on a daemon thread of its own. */
    private static final class ThreadPacer implements Pacer {
        private final String name;
        private ScheduledExecutorService executor;

        ThreadPacer(String name) {
            this.name = name;
        }

        @Override
        public synchronized void start(Runnable first) {
            if (executor != null) {
                return;
            }
            ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread daemon = new Thread(runnable, name);
                daemon.setDaemon(true);
                return daemon;
            });
            // stop() lets a run in progress finish and drops the next one, however soon it was due
            thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            executor = thread;
            executor.execute(first);
        }

        @Override
        public synchronized void after(Duration delay, Runnable next) {
            if (executor == null) {
                return;
            }
            try {
                executor.schedule(next, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                // stop() shut the executor down meanwhile; the loop ends here
            }
        }

        @Override
        public boolean stop(Duration timeout) {
            ScheduledExecutorService running;
            synchronized (this) {
                running = executor;
                executor = null;
            }
            if (running == null) {
                return true;
            }
            running.shutdown();
            try {
                return running.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return executor != null;
        }
    }
}
