package dev.crmkit.examples.dealer;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.scheduling.DueWork;
import dev.crmkit.core.scheduling.DueWorkHandler;
import dev.crmkit.examples.dealer.TestDriveEvent.TestDriveReminderDue;
import java.util.UUID;

/**
 * Turns due work of kind {@link TestDriveService#REMINDER_DUE} into {@link TestDriveReminderDue}, for every tenant. The
 * scheduler runs it in a unit that also completes the work, at least once: a drive that was completed or cancelled
 * meanwhile (its work cancelled, or claimed just before) raises nothing.
 */
final class ReminderHandler implements DueWorkHandler {
    private final DomainContext context;

    ReminderHandler(DomainContext context) {
        this.context = context;
    }

    @Override
    public void handle(DueWork work) {
        UUID id;
        try {
            id = UUID.fromString(work.key());
        } catch (IllegalArgumentException notOurs) {
            return;
        }
        context.storage(TestDriveStorage.class).testDrives().get(work.tenantId(), id)
                .filter(drive -> drive.status() == TestDriveStatus.BOOKED)
                .ifPresent(drive -> context.events().record(new TestDriveReminderDue(work.tenantId(), drive.id(),
                        drive.customerId(), drive.startsAt(), context.now())));
    }
}
