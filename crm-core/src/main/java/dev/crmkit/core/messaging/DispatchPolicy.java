package dev.crmkit.core.messaging;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Duration;

/**
 * How messages are handed to their channels: how many attempts a message gets, how long it waits before a retry (the
 * first wait, doubling with every further attempt up to the longest), and how long one attempt may take before another
 * node takes it for lost and attempts again with the same message id.
 *
 * @param maxAttempts attempts per message before it fails for good, 1 to 100
 * @param firstRetry the wait before the first retry; positive
 * @param maxRetry the longest wait between retries; at least {@code firstRetry}
 * @param sendTimeout how long an attempt may take; positive, and longer than any channel's own timeouts
 */
public record DispatchPolicy(int maxAttempts, Duration firstRetry, Duration maxRetry, Duration sendTimeout) {
    /** Validates the policy; a {@link ValidationException} names the offending part. */
    public DispatchPolicy {
        Checks.limit("maxAttempts", maxAttempts, 100);
        positive("firstRetry", firstRetry);
        positive("maxRetry", maxRetry);
        positive("sendTimeout", sendTimeout);
        if (maxRetry.compareTo(firstRetry) < 0) {
            throw new ValidationException("maxRetry", "must be at least firstRetry");
        }
    }

    /** Six attempts, retried after 1 minute, doubling up to 1 hour; 2 minutes per attempt. */
    public static DispatchPolicy defaults() {
        return new DispatchPolicy(6, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(2));
    }

    /** This policy with another number of attempts. */
    public DispatchPolicy withMaxAttempts(int attempts) {
        return new DispatchPolicy(attempts, firstRetry, maxRetry, sendTimeout);
    }

    /** This policy with other retry waits. */
    public DispatchPolicy withRetries(Duration first, Duration max) {
        return new DispatchPolicy(maxAttempts, first, max, sendTimeout);
    }

    /** This policy with another time per attempt. */
    public DispatchPolicy withSendTimeout(Duration timeout) {
        return new DispatchPolicy(maxAttempts, firstRetry, maxRetry, timeout);
    }

    /** Whether a message handed over {@code attempts} times gets no further attempt. */
    public boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The wait after the {@code attempts}-th attempt failed: the first retry's, doubled per further attempt, capped. */
    public Duration retryDelay(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration delay = firstRetry.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }

    private static void positive(String field, Duration value) {
        Checks.required(field, value);
        if (value.isNegative() || value.isZero()) {
            throw new ValidationException(field, "must be positive");
        }
    }
}
