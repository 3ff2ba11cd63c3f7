package dev.crmkit.spi.message;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Instant;

/**
 * The answer of {@link SendRateStore#take}: granted, or refused until {@code nextAt}, the earliest instant at which a
 * take may be granted as far as the store knew when it answered.
 */
public record RatePermit(boolean granted, Instant nextAt) {
    /**
     * Checks that {@code nextAt} is given exactly for a refusal, and truncates it to microseconds.
     *
     * @throws ValidationException ({@code nextAt}) when it is missing on a refusal or given on a grant
     */
    public RatePermit {
        nextAt = Checks.optionalInstant("nextAt", nextAt);
        if (granted == (nextAt != null)) {
            throw new ValidationException("nextAt", "is required exactly when the permit is refused");
        }
    }

    /** A granted permit. */
    public static RatePermit grant() {
        return new RatePermit(true, null);
    }

    /** A refusal until {@code nextAt}. */
    public static RatePermit refusedUntil(Instant nextAt) {
        return new RatePermit(false, Checks.required("nextAt", nextAt));
    }
}
