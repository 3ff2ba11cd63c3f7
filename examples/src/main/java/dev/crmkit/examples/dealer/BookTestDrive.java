package dev.crmkit.examples.dealer;

import dev.crmkit.model.Checks;
import java.time.Instant;
import java.util.UUID;

/**
 * Books a drive of {@code vehicle} (the dealer's model code, 1 to 40 characters) for a customer, starting at
 * {@code startsAt}.
 */
public record BookTestDrive(UUID customerId, String vehicle, Instant startsAt) {
    /** Validates the command; a {@link dev.crmkit.model.ValidationException} names the field. */
    public BookTestDrive {
        Checks.id("customerId", customerId);
        vehicle = Checks.text("vehicle", vehicle, 40).strip();
        startsAt = Checks.instant("startsAt", startsAt);
    }
}
