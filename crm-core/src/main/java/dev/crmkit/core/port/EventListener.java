package dev.crmkit.core.port;

/**
 * Receives the domain events the outbox relay publishes: the host's bridge to a message broker, a search index, a
 * webhook. Delivery is at least once and in order per aggregate: a listener sees an event again after a failure or
 * after a node died mid-delivery, so it de-duplicates by {@link PublishedEvent#id()} where that matters.
 *
 * <p>Throwing a {@link RuntimeException} rejects the event: the relay stops delivering that aggregate's later events
 * in the batch and retries all of them, in order, on a later run. Other aggregates are not held up.
 */
@FunctionalInterface
public interface EventListener {
    /** Handles one event; throws to have it delivered again later. */
    void onEvent(PublishedEvent event);
}
