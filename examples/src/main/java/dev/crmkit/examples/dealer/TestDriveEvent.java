package dev.crmkit.examples.dealer;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * What happens to a test drive, in the past tense, under the dealer's own type names. Aggregate type
 * {@code dealer.test-drive}; payloads hold ids, the vehicle's model code and times, no personal data.
 */
public sealed interface TestDriveEvent extends DomainEvent {
    /** The drive the event is about. */
    UUID testDriveId();

    @Override
    default String aggregateType() {
        return "dealer.test-drive";
    }

    @Override
    default String aggregateId() {
        return testDriveId().toString();
    }

    /** A customer booked a drive of {@code vehicle} starting at {@code startsAt}. */
    @EventType("dealer.test-drive.booked")
    record TestDriveBooked(String tenantId, UUID testDriveId, UUID customerId, String vehicle, Instant startsAt,
            Instant occurredAt) implements TestDriveEvent {
    }

    /** A booked drive starts within a day: time to remind the customer (the due-work scheduler raised it). */
    @EventType("dealer.test-drive.reminder-due")
    record TestDriveReminderDue(String tenantId, UUID testDriveId, UUID customerId, Instant startsAt,
            Instant occurredAt) implements TestDriveEvent {
    }

    /** The drive took place. */
    @EventType("dealer.test-drive.completed")
    record TestDriveCompleted(String tenantId, UUID testDriveId, UUID customerId, Instant occurredAt)
            implements TestDriveEvent {
    }

    /** The drive was cancelled. */
    @EventType("dealer.test-drive.cancelled")
    record TestDriveCancelled(String tenantId, UUID testDriveId, UUID customerId, Instant occurredAt)
            implements TestDriveEvent {
    }
}
