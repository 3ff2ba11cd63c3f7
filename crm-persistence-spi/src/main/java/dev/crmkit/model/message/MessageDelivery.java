package dev.crmkit.model.message;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.message.MessageRecord;
import java.time.Instant;

/**
 * How far a message got: the part of a {@link MessageRecord} that changes as it is sent and reported on.
 *
 * <ul>
 *   <li>{@code status}: required.</li>
 *   <li>{@code attempts}: how often it was handed to its channel; not negative.</li>
 *   <li>{@code sendingUntil}: while it is {@code SENDING}, until when the current attempt may take before another
 *       node takes it for lost; otherwise null.</li>
 *   <li>{@code providerReference}: the provider's own id for it (an SES message id, a Twilio SID), as the channel
 *       returned it; optional, at most 200 characters.</li>
 *   <li>{@code failureReason}: the code of the last failure or of a bounce ({@code mailbox-full}); optional, at most
 *       50.</li>
 *   <li>{@code sentAt}: when its channel accepted it; null before.</li>
 *   <li>{@code outcomeAt}: when the provider says the last reported outcome (delivered, bounced, ...) happened; null
 *       before the first report.</li>
 * </ul>
 */
public record MessageDelivery(
        MessageStatus status,
        int attempts,
        Instant sendingUntil,
        String providerReference,
        String failureReason,
        Instant sentAt,
        Instant outcomeAt) {

    /**
     * Checks the rules above and truncates the instants to microseconds; which statuses go with which parts is the
     * messaging domain's rule, not checked here.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public MessageDelivery {
        Checks.required("status", status);
        if (attempts < 0) {
            throw new ValidationException("attempts", "must not be negative");
        }
        sendingUntil = Checks.optionalInstant("sendingUntil", sendingUntil);
        Checks.optionalText("providerReference", providerReference, 200);
        Checks.optionalText("failureReason", failureReason, 50);
        sentAt = Checks.optionalInstant("sentAt", sentAt);
        outcomeAt = Checks.optionalInstant("outcomeAt", outcomeAt);
    }

    /** A message waiting for its first attempt. */
    public static MessageDelivery queued() {
        return new MessageDelivery(MessageStatus.QUEUED, 0, null, null, null, null, null);
    }
}
