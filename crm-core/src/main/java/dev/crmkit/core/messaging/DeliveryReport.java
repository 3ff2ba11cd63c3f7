package dev.crmkit.core.messaging;

import dev.crmkit.core.port.SendOutcome;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import java.time.Instant;
import java.util.UUID;

/**
 * A provider's report on a message, as its webhook or feedback loop delivers it: which message, by CRMKit's id
 * ({@link #of}) or by the provider's own reference and the channel kind ({@link #byProviderReference}); what happened;
 * when the provider says it happened; and an optional reason code ({@code mailbox-full}, {@code hard}), a lower-case
 * code as {@link SendOutcome#REASON} describes, never the provider's text, which may quote the address.
 *
 * <p>Exactly one of {@code messageId} and {@code providerReference} is given; {@code kind} goes with the reference.
 * Bad input is rejected on construction with a {@link ValidationException} naming the field.
 */
public record DeliveryReport(
        UUID messageId,
        ChannelKind kind,
        String providerReference,
        DeliveryOutcome outcome,
        Instant occurredAt,
        String reason) {

    /** Validates the report. */
    public DeliveryReport {
        if ((messageId == null) == (providerReference == null)) {
            throw new ValidationException("messageId", "give either the message id or the provider's reference");
        }
        if (providerReference != null) {
            Checks.text("providerReference", providerReference, 200);
            Checks.required("kind", kind);
        } else if (kind != null) {
            throw new ValidationException("kind", "goes with a provider's reference only");
        }
        Checks.required("outcome", outcome);
        occurredAt = Checks.instant("occurredAt", occurredAt);
        if (reason != null && !SendOutcome.REASON.matcher(reason).matches()) {
            throw new ValidationException("reason", "must be a code of 1 to 50 lower-case letters, digits, '.', '_'"
                    + " and '-'");
        }
    }

    /** A report on the message with CRMKit's id {@code messageId}. */
    public static DeliveryReport of(UUID messageId, DeliveryOutcome outcome, Instant occurredAt) {
        return new DeliveryReport(Checks.id("messageId", messageId), null, null, outcome, occurredAt, null);
    }

    /** A report on the message of this kind the provider knows as {@code providerReference}. */
    public static DeliveryReport byProviderReference(ChannelKind kind, String providerReference,
            DeliveryOutcome outcome, Instant occurredAt) {
        return new DeliveryReport(null, kind, Checks.required("providerReference", providerReference), outcome,
                occurredAt, null);
    }

    /** This report with a reason code. */
    public DeliveryReport withReason(String reason) {
        return new DeliveryReport(messageId, kind, providerReference, outcome, occurredAt, reason);
    }
}
