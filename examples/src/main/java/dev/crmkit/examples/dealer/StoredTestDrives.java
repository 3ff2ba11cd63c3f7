package dev.crmkit.examples.dealer;

import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.examples.dealer.TestDriveEvent.TestDriveBooked;
import dev.crmkit.examples.dealer.TestDriveEvent.TestDriveCancelled;
import dev.crmkit.examples.dealer.TestDriveEvent.TestDriveCompleted;
import dev.crmkit.model.Checks;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The test drive service of one tenant, over the {@link TestDriveStorage} capability. */
final class StoredTestDrives implements TestDriveService {
    private final DomainContext context;
    private final TestDriveStore drives;
    private final CustomerService customers;
    private final String tenantId;

    StoredTestDrives(DomainContext context, CustomerService customers, String tenantId) {
        this.context = context;
        this.drives = context.storage(TestDriveStorage.class).testDrives();
        this.customers = customers;
        this.tenantId = tenantId;
    }

    @Override
    public TestDriveRecord book(BookTestDrive command) {
        Checks.required("command", command);
        Instant now = context.now();
        if (command.startsAt().isBefore(now)) {
            throw new ValidationException("startsAt", "must not be in the past");
        }
        return context.storage().transactions().inTransaction(() -> {
            // the customer service follows a merged id to the survivor and says NotFound for an unknown one
            UUID customerId = customers.get(command.customerId()).id();
            TestDriveRecord drive = new TestDriveRecord(tenantId, context.ids().next(), 1, now, now, customerId,
                    command.vehicle(), command.startsAt(), TestDriveStatus.BOOKED);
            drives.insert(drive);
            Instant remindAt = drive.startsAt().minus(Duration.ofDays(1));
            context.storage().dueWork().schedule(DueWorkRecord.of(tenantId, context.ids().next(), REMINDER_DUE,
                    drive.id().toString(), remindAt.isBefore(now) ? now : remindAt, null));
            context.events().record(new TestDriveBooked(tenantId, drive.id(), customerId, drive.vehicle(),
                    drive.startsAt(), now));
            return drive;
        });
    }

    @Override
    public TestDriveRecord complete(UUID testDriveId) {
        return move(testDriveId, TestDriveStatus.COMPLETED);
    }

    @Override
    public TestDriveRecord cancel(UUID testDriveId) {
        return move(testDriveId, TestDriveStatus.CANCELLED);
    }

    private TestDriveRecord move(UUID testDriveId, TestDriveStatus next) {
        Checks.id("testDriveId", testDriveId);
        return context.storage().transactions().inTransaction(() -> {
            TestDriveRecord drive = drives.get(tenantId, testDriveId)
                    .orElseThrow(() -> new NotFoundException("test drive", testDriveId));
            if (!drive.status().canMoveTo(next)) {
                throw new IllegalTransitionException("test drive", drive.status().name(), next.name());
            }
            Instant now = context.now();
            TestDriveRecord moved = drive.movedTo(next, now);
            drives.update(moved, drive.version());
            context.storage().dueWork().cancel(tenantId, REMINDER_DUE, testDriveId.toString());
            context.events().record(next == TestDriveStatus.COMPLETED
                    ? new TestDriveCompleted(tenantId, testDriveId, drive.customerId(), now)
                    : new TestDriveCancelled(tenantId, testDriveId, drive.customerId(), now));
            return moved;
        });
    }

    @Override
    public List<TestDriveRecord> forCustomer(UUID customerId) {
        Checks.id("customerId", customerId);
        return drives.forCustomer(tenantId, customers.get(customerId).id());
    }
}
