package dev.crmkit.spi.scheduling;

import dev.crmkit.model.Checks;
import java.time.Instant;
import java.util.UUID;

/**
 * A piece of work that falls due at a time: a follow-up task reaching its due date, an SLA clock running out.
 * It is identified within its tenant by {@code kind} and {@code key} (for example {@code task.due} and the task id),
 * so scheduling the same work again moves it instead of adding a second one.
 *
 * <ul>
 *   <li>{@code kind}: at most 100 characters; {@code key}: at most 100.</li>
 *   <li>{@code payload}: what the handler needs, as text (JSON); optional, at most 10,000.</li>
 *   <li>{@code claimedBy}, {@code leaseUntil}: who holds the work and until when; null when nobody does.</li>
 *   <li>{@code attempts}: how often the work was claimed.</li>
 * </ul>
 */
public record DueWorkRecord(
        String tenantId,
        UUID id,
        String kind,
        String key,
        Instant dueAt,
        String payload,
        String claimedBy,
        Instant leaseUntil,
        int attempts) {

    /**
     * Checks the rules above and truncates the instants to microseconds.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public DueWorkRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.text("kind", kind, 100);
        Checks.text("key", key, 100);
        dueAt = Checks.instant("dueAt", dueAt);
        Checks.optionalText("payload", payload, 10_000);
        Checks.optionalText("claimedBy", claimedBy, 100);
        leaseUntil = Checks.optionalInstant("leaseUntil", leaseUntil);
        if (attempts < 0) {
            throw new dev.crmkit.model.ValidationException("attempts", "must not be negative");
        }
    }

    /** New, unclaimed work. */
    public static DueWorkRecord of(String tenantId, UUID id, String kind, String key, Instant dueAt, String payload) {
        return new DueWorkRecord(tenantId, id, kind, key, dueAt, payload, null, null, 0);
    }
}
