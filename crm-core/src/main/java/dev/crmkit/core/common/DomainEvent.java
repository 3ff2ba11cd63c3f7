package dev.crmkit.core.common;

import java.time.Instant;

/**
 * Something that happened to an aggregate, named in the past tense ({@code CustomerRegistered}). Every state
 * change records one in the outbox, in the same transaction as the change; the event's simple class name is
 * its type, and the record's components are its JSON payload.
 */
public interface DomainEvent {
    /** The tenant the aggregate belongs to. */
    String tenantId();

    /** The kind of aggregate: {@code customer}, {@code task}, {@code interaction}. */
    String aggregateType();

    /** The aggregate's id. */
    String aggregateId();

    /** When it happened, by the injected clock. */
    Instant occurredAt();
}
