package dev.crmkit.examples.dealer;

import dev.crmkit.model.Checks;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored test drive: the customer (by id), the vehicle (the dealer's model code, such as {@code EV6-GT}), when it
 * starts, and its status; with the tenant, id, version and timestamps every CRMKit record carries.
 */
public record TestDriveRecord(String tenantId, UUID id, long version, Instant createdAt, Instant updatedAt,
        UUID customerId, String vehicle, Instant startsAt, TestDriveStatus status) {

    /** Validates the record; a {@link dev.crmkit.model.ValidationException} names the field. */
    public TestDriveRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.id("customerId", customerId);
        Checks.text("vehicle", vehicle, 40);
        Checks.required("startsAt", startsAt);
        Checks.required("status", status);
    }

    /** This drive in another status, one version on. */
    TestDriveRecord movedTo(TestDriveStatus next, Instant now) {
        return new TestDriveRecord(tenantId, id, version + 1, createdAt, now, customerId, vehicle, startsAt, next);
    }
}
