package dev.crmkit.core.event;

import dev.crmkit.core.common.PollingLoop;
import dev.crmkit.core.port.EventListener;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.Checks;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.outbox.OutboxEvent;
import dev.crmkit.spi.outbox.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class LeasingOutboxRelay implements OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Clock clock;
    private final OutboxStore outbox;
    private final String nodeId;
    private final Settings settings;
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final PollingLoop loop;

    LeasingOutboxRelay(Storage storage, Clock clock, String nodeId, Settings settings) {
        this.clock = clock;
        this.outbox = storage.outbox();
        this.nodeId = nodeId;
        this.settings = settings;
        this.loop = new PollingLoop("crmkit-outbox-relay-" + nodeId, this::relayAndSayIfMoreWaits,
                settings.pollInterval());
    }

    @Override
    public void register(EventListener listener) {
        listeners.add(Checks.required("listener", listener));
    }

    /**
     * One run of the background loop; whether the next should follow at once: the batch came back full and nothing
     * of it was given back, so more events are likely waiting. After a listener failed the loop pauses instead of
     * claiming the same events again at once.
     */
    boolean relayAndSayIfMoreWaits() {
        Run run = relayOnce();
        return run.claimed() == settings.batchSize() && run.released() == 0;
    }

    @Override
    public Run relayOnce() {
        Instant claimedAt = now();
        List<OutboxEvent> batch = outbox.claim(nodeId, settings.batchSize(), settings.lease(), claimedAt);
        if (batch.isEmpty()) {
            return new Run(0, 0, 0);
        }
        // The lease runs from the moment the claim was asked for, however long the claim took; an event is handed
        // out only while a quarter of the lease is left for marking the batch, or another relay might take it over
        // and deliver it a second time.
        Instant handOutUntil = claimedAt.plus(settings.lease().multipliedBy(3).dividedBy(4));
        List<UUID> delivered = new ArrayList<>();
        List<UUID> held = new ArrayList<>();
        Set<String> blockedAggregates = new HashSet<>();
        int outOfTime = 0;
        for (OutboxEvent event : batch) {
            String aggregate = event.aggregateType() + '\u0000' + event.aggregateId();
            if (blockedAggregates.contains(aggregate)) {
                held.add(event.id());
            } else if (!now().isBefore(handOutUntil)) {
                outOfTime++;
                blockedAggregates.add(aggregate);
                held.add(event.id());
            } else if (deliver(event)) {
                delivered.add(event.id());
            } else {
                blockedAggregates.add(aggregate);
                held.add(event.id());
            }
        }
        if (outOfTime > 0) {
            LOG.warn("Relay {} gives back {} claimed events undelivered: three quarters of its {} lease had passed",
                    nodeId, outOfTime, settings.lease());
        }
        int marked = delivered.isEmpty() ? 0 : outbox.markDelivered(nodeId, delivered, now());
        if (marked < delivered.size()) {
            LOG.warn("Relay {} lost the lease on {} delivered events; they will be delivered again", nodeId,
                    delivered.size() - marked);
        }
        if (!held.isEmpty()) {
            outbox.release(nodeId, held);
        }
        return new Run(batch.size(), marked, held.size());
    }

    private boolean deliver(OutboxEvent event) {
        PublishedEvent published = PublishedEvent.of(event);
        for (EventListener listener : listeners) {
            try {
                listener.onEvent(published);
            } catch (RuntimeException e) {
                LOG.warn("Listener {} rejected event {} ({}): {}", listener.getClass().getSimpleName(), event.id(),
                        event.type(), e.getClass().getSimpleName());
                return false;
            }
        }
        return true;
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

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
