package dev.crmkit.spi.outbox;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Instant;
import java.util.UUID;

/**
 * A domain event waiting in the transactional outbox. The fields follow the Debezium outbox convention
 * ({@code id}, {@code aggregatetype}, {@code aggregateid}, {@code type}, {@code payload}), so a host may stream
 * the table to a broker with Debezium's outbox router instead of, or beside, CRMKit's relay.
 *
 * <ul>
 *   <li>{@code aggregateType}: {@code customer}, {@code task}; at most 100 characters.</li>
 *   <li>{@code aggregateId}: the id of the aggregate the event is about, as text; at most 100.</li>
 *   <li>{@code type}: the event's stable type name, such as {@code customer.registered}; at most 100.</li>
 *   <li>{@code schemaVersion}: the version of the payload's schema for that type, from 1; a consumer reads the
 *       payload by type and version.</li>
 *   <li>{@code payload}: the event as JSON; at most 1,000,000 characters.</li>
 *   <li>{@code sequence}: 0 on an event about to be appended; the store assigns a number, increasing in append
 *       order, that orders events of one aggregate.</li>
 * </ul>
 */
public record OutboxEvent(
        String tenantId,
        UUID id,
        String aggregateType,
        String aggregateId,
        String type,
        int schemaVersion,
        String payload,
        Instant occurredAt,
        long sequence) {

    /**
     * Checks the rules above and truncates {@code occurredAt} to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public OutboxEvent {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.text("aggregateType", aggregateType, 100);
        Checks.text("aggregateId", aggregateId, 100);
        Checks.text("type", type, 100);
        if (schemaVersion < 1) {
            throw new ValidationException("schemaVersion", "must be 1 or more");
        }
        Checks.text("payload", payload, 1_000_000);
        occurredAt = Checks.instant("occurredAt", occurredAt);
    }

    /** A new event of schema version {@code schemaVersion}, not yet appended. */
    public static OutboxEvent of(String tenantId, UUID id, String aggregateType, String aggregateId, String type,
            int schemaVersion, String payload, Instant occurredAt) {
        return new OutboxEvent(tenantId, id, aggregateType, aggregateId, type, schemaVersion, payload, occurredAt, 0);
    }

    /** A new event of schema version 1, not yet appended. */
    public static OutboxEvent of(String tenantId, UUID id, String aggregateType, String aggregateId, String type,
            String payload, Instant occurredAt) {
        return of(tenantId, id, aggregateType, aggregateId, type, 1, payload, occurredAt);
    }
}
