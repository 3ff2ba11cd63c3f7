package dev.crmkit.core.scheduling;

import dev.crmkit.core.common.PollingLoop;
import dev.crmkit.model.Checks;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import dev.crmkit.spi.scheduling.DueWorkStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class LeasingDueWorkScheduler implements DueWorkScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(DueWorkScheduler.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Storage storage;
    private final Clock clock;
    private final DueWorkStore store;
    private final String nodeId;
    private final Settings settings;
    private final Map<String, DueWorkHandler> handlers = new ConcurrentHashMap<>();
    private final PollingLoop loop;

    LeasingDueWorkScheduler(Storage storage, Clock clock, String nodeId, Settings settings) {
        this.storage = storage;
        this.clock = clock;
        this.store = storage.dueWork();
        this.nodeId = nodeId;
        this.settings = settings;
        this.loop = new PollingLoop("crmkit-due-work-" + nodeId, this::runAndSayIfMoreIsDue, settings.pollInterval());
    }

    @Override
    public void register(String kind, DueWorkHandler handler) {
        Checks.text("kind", kind, 100);
        Checks.required("handler", handler);
        handlers.put(kind, handler);
    }

    /** One run of the background loop; whether the next should follow at once: the batch came back full. */
    boolean runAndSayIfMoreIsDue() {
        return runDueWork().claimed() == settings.batchSize();
    }

    @Override
    public Run runDueWork() {
        List<DueWorkRecord> claimed = store.claimDue(nodeId, settings.batchSize(), settings.lease(), now());
        int completed = 0;
        int retried = 0;
        for (DueWorkRecord work : claimed) {
            switch (runOne(work)) {
                case COMPLETED -> completed++;
                case RETRIED -> retried++;
                case LOST -> { }
            }
        }
        return new Run(claimed.size(), completed, retried);
    }

    private Outcome runOne(DueWorkRecord work) {
        DueWorkHandler handler = handlers.get(work.kind());
        if (handler == null) {
            LOG.warn("No handler for due work of kind {} on node {}; retrying later", work.kind(), nodeId);
            return retry(work);
        }
        try {
            if (!handler.runsInUnit()) {
                // The handler committed its own units; the work is done unless it rescheduled the work meanwhile.
                handler.handle(DueWork.of(work));
                return store.complete(nodeId, work.tenantId(), work.id()) ? Outcome.COMPLETED : Outcome.LOST;
            }
            // The handler's writes and the completion commit together: a node whose lease was lost meanwhile
            // rolls its handler's writes back instead of doing the work a second time beside the new owner.
            storage.transactions().run(() -> {
                handler.handle(DueWork.of(work));
                if (!store.complete(nodeId, work.tenantId(), work.id())) {
                    throw new LeaseLost();
                }
            });
            return Outcome.COMPLETED;
        } catch (LeaseLost e) {
            return Outcome.LOST;
        } catch (RuntimeException e) {
            LOG.warn("Due work {} of kind {} failed (attempt {}): {}", work.id(), work.kind(), work.attempts(),
                    e.getClass().getSimpleName());
            return retry(work);
        }
    }

    private Outcome retry(DueWorkRecord work) {
        Instant retryAt = now().plus(backoff(work.attempts()));
        return store.retryLater(nodeId, work.tenantId(), work.id(), retryAt) ? Outcome.RETRIED : Outcome.LOST;
    }

    /** The first retry waits retryBackoff, each further one twice as long, never longer than maxBackoff. */
    Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration delay = settings.retryBackoff().multipliedBy(1L << doublings);
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop(STOP_TIMEOUT);
    }

    @Override
    public void close() {
        stop();
    }

    private enum Outcome { COMPLETED, RETRIED, LOST }

    /** Unwinds the handler's transaction when the lease was lost; never leaves this class. */
    private static final class LeaseLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
