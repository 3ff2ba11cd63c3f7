package dev.crmkit.core.port;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link EventListener} that keeps every event it receives in memory, in arrival order: the in-repository
 * implementation for tests and examples. Thread-safe.
 */
public final class RecordingEventListener implements EventListener {
    private final List<PublishedEvent> received = new ArrayList<>();

    /** Keeps the event. */
    @Override
    public synchronized void onEvent(PublishedEvent event) {
        received.add(event);
    }

    /** The events received so far, in arrival order (repeats included). */
    public synchronized List<PublishedEvent> received() {
        return List.copyOf(received);
    }

    /** The events received so far of one type, in arrival order. */
    public synchronized List<PublishedEvent> received(String type) {
        return received.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** Forgets what was received. */
    public synchronized void clear() {
        received.clear();
    }
}
