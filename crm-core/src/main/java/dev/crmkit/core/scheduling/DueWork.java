package dev.crmkit.core.scheduling;

import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A piece of work that fell due, as a {@link DueWorkHandler} receives it: which tenant, what kind, which key (for
 * a follow-up: the task id), when it was due, the payload it was scheduled with (may be null), and how many times
 * it was claimed so far, this time included.
 */
public record DueWork(String tenantId, UUID id, String kind, String key, Instant dueAt, String payload, int attempt) {

    static DueWork of(DueWorkRecord record) {
        return new DueWork(record.tenantId(), record.id(), record.kind(), record.key(), record.dueAt(),
                record.payload(), record.attempts());
    }
}
