package dev.crmkit.core.common;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step again and again on a single daemon thread, with a pause between runs, until stopped: the engine
 * behind the outbox relay's and the due-work scheduler's background mode. A step that throws is logged (type and
 * message only: CRMKit's messages carry no personal data) and the loop goes on, because the next run may succeed;
 * an {@link Error} is logged and ends the loop.
 */
public final class PollingLoop {
    private static final Logger LOG = LoggerFactory.getLogger(PollingLoop.class);

    private final String name;
    private final Runnable step;
    private final Duration interval;
    private ScheduledExecutorService executor;

    /**
     * A stopped loop.
     *
     * @param name the thread's name, for thread dumps
     * @param step what to run each time
     * @param interval the pause between the end of one run and the start of the next; positive
     */
    public PollingLoop(String name, Runnable step, Duration interval) {
        this.name = Objects.requireNonNull(name, "name");
        this.step = Objects.requireNonNull(step, "step");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
    }

    /** Starts the thread; does nothing when it already runs. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runSafely, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Stops the thread and waits up to {@code timeout} for a run in progress to finish; does nothing when the
     * loop is not running.
     *
     * @return whether the loop stopped within the timeout
     */
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

    /** Whether the thread runs. */
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void runSafely() {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.warn("{} run failed: {}: {}", name, e.getClass().getSimpleName(), e.getMessage());
        } catch (Error e) {
            // An Error leaves the JVM in doubt; the loop ends and whatever this run held comes back after its lease.
            LOG.error("{} stopped: {}", name, e.getClass().getSimpleName());
            throw e;
        }
    }
}
