package dev.crmkit.examples.dealer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The dealer's test drives in storage; every call is scoped by tenant and joins the current CRMKit unit. */
public interface TestDriveStore {
    /** Stores a new drive at version 1. */
    void insert(TestDriveRecord drive);

    /** The drive, if the tenant has it. */
    Optional<TestDriveRecord> get(String tenantId, UUID id);

    /**
     * Replaces a drive with {@code drive} (its version the stored one plus one).
     *
     * @throws dev.crmkit.model.ConflictException when the stored version is not {@code expectedVersion}
     */
    void update(TestDriveRecord drive, long expectedVersion);

    /** The customer's drives, earliest start first. */
    List<TestDriveRecord> forCustomer(String tenantId, UUID customerId);

    /** Moves every drive of customer {@code from} to customer {@code to}; returns how many moved. */
    int moveAll(String tenantId, UUID from, UUID to, Instant at);
}
