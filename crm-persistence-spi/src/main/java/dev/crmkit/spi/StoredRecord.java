package dev.crmkit.spi;

import java.time.Instant;
import java.util.UUID;

/**
 * What every persisted record carries: its tenant, its id, an optimistic version and its timestamps.
 *
 * <p>Versions start at 1 on insert and grow by exactly 1 with every successful update. Timestamps are
 * supplied by the caller (the core reads them from its clock) and stored as given, at microsecond precision.
 */
public interface StoredRecord {
    /** The tenant that owns the record; every store call is scoped by it. */
    String tenantId();

    /** The record's id, unique within its tenant and type. */
    UUID id();

    /** The optimistic version: 1 after insert, one more after each update. */
    long version();

    /** When the record was first stored. */
    Instant createdAt();

    /** When the record was last changed. */
    Instant updatedAt();
}
