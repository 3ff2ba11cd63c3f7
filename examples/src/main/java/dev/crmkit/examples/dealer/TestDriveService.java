package dev.crmkit.examples.dealer;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's test drives: {@code crm.tenant("autohaus").service(TestDriveService.class)}. Every command is one CRMKit
 * unit that stores the drive and records its event together.
 */
public interface TestDriveService {
    /** The kind of due work that reminds a customer the day before a drive; its key is the drive's id. */
    String REMINDER_DUE = "dealer.test-drive-reminder";

    /**
     * Books a drive and schedules its reminder a day before it starts (at once when that is past).
     *
     * @throws ValidationException ({@code startsAt}) when the drive would start in the past
     * @throws NotFoundException when the tenant has no such live customer
     */
    TestDriveRecord book(BookTestDrive command);

    /**
     * Marks a booked drive as taken place.
     *
     * @throws IllegalTransitionException when it is not booked any more
     * @throws ConflictException when it changed concurrently
     */
    TestDriveRecord complete(UUID testDriveId);

    /**
     * Cancels a booked drive and its reminder.
     *
     * @throws IllegalTransitionException when it is not booked any more
     */
    TestDriveRecord cancel(UUID testDriveId);

    /** The customer's drives, earliest first (a merged customer's drives are the survivor's). */
    List<TestDriveRecord> forCustomer(UUID customerId);
}
