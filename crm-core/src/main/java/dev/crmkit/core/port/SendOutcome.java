package dev.crmkit.core.port;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What a {@link MessageChannel} answers: the provider {@link Accepted accepted} the message, or the send
 * {@link Failed failed}. A failure carries a reason code (never the provider's message text, which may quote the
 * address) and says whether a retry may help (a timeout, a 5xx, a throttle) or not (an invalid address).
 */
public sealed interface SendOutcome permits SendOutcome.Accepted, SendOutcome.Failed {
    /** Reason codes: 1 to 50 lower-case letters, digits, '.', '_' and '-', starting with a letter or digit. */
    Pattern REASON = Pattern.compile("[a-z0-9][a-z0-9._-]{0,49}");

    /** The provider took the message; {@code providerReference} is its id for it (optional, at most 200 characters). */
    record Accepted(String providerReference) implements SendOutcome {
        /** Validates the reference. */
        public Accepted {
            Checks.optionalText("providerReference", providerReference, 200);
            if (providerReference != null && providerReference.isBlank()) {
                throw new ValidationException("providerReference", "must not be blank");
            }
        }
    }

    /**
     * The send failed. {@code reason} is a code such as {@code invalid-address} or {@code timeout};
     * {@code retryable} says whether trying again may help; {@code retryAfter} is how long the provider asked to wait
     * (a throttle's Retry-After), or null.
     */
    record Failed(String reason, boolean retryable, Duration retryAfter) implements SendOutcome {
        /** Validates the reason code and the wait. */
        public Failed {
            Checks.required("reason", reason);
            if (!REASON.matcher(reason).matches()) {
                throw new ValidationException("reason", "must be a code of 1 to 50 lower-case letters, digits, '.',"
                        + " '_' and '-'");
            }
            if (retryAfter != null && (retryAfter.isNegative() || !retryable)) {
                throw new ValidationException("retryAfter", "must be positive, and only on a failure a retry may help");
            }
        }
    }

    /** The provider took the message under its reference {@code providerReference}. */
    static SendOutcome accepted(String providerReference) {
        return new Accepted(providerReference);
    }

    /** The provider took the message and gave no reference (a list the host exports, say). */
    static SendOutcome accepted() {
        return new Accepted(null);
    }

    /** The send failed for good: retrying will not help (an invalid address, a blocked recipient). */
    static SendOutcome rejected(String reason) {
        return new Failed(reason, false, null);
    }

    /** The send failed, and a later retry may succeed (a timeout, an outage). */
    static SendOutcome failedTemporarily(String reason) {
        return new Failed(reason, true, null);
    }

    /** The provider asked to wait at least {@code retryAfter} before trying again (a throttle). */
    static SendOutcome failedTemporarily(String reason, Duration retryAfter) {
        return new Failed(reason, true, Checks.required("retryAfter", retryAfter));
    }
}
