package dev.crmkit.core.common;

import java.time.Instant;

/**
 * Something that happened to an aggregate, named in the past tense ({@code CustomerRegistered}). Every state change
 * records one in the outbox, in the same transaction as the change. Its public name and schema version come from its
 * {@link EventType} annotation, never from the Java class; the record's components are its JSON payload.
 *
 * <p>Payloads carry opaque ids, codes, amounts and times, never personal data (names, e-mail addresses, phone numbers,
 * postal addresses, free text): events leave the database for the host's broker, where erasing a person cannot reach.
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
