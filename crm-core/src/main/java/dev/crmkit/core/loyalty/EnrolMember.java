package dev.crmkit.core.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.util.UUID;

/**
 * Enrols a customer in a programme. A customer is a member of a programme at most once: enrolling again returns the
 * membership there is.
 *
 * @param customerId the customer; a merged customer's id enrols the survivor
 * @param programme the programme's code, at most 64 characters
 */
public record EnrolMember(UUID customerId, String programme) {
    /**
     * Checks that both are present and fit.
     *
     * @throws ValidationException naming the first component that does not
     */
    public EnrolMember {
        Checks.id("customerId", customerId);
        Checks.text("programme", programme, 64);
    }

    /** Enrols the customer in the programme. */
    public static EnrolMember of(UUID customerId, String programme) {
        return new EnrolMember(customerId, programme);
    }
}
