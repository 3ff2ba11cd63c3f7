package dev.crmkit.core.messaging;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.message.SendRateStore;
import java.time.Duration;

/**
 * How fast one kind of channel may send: {@code permits} messages {@code per} period, evenly spaced, with up to
 * {@code burst} at once after a quiet spell. {@code RateLimit.of(10, Duration.ofSeconds(1))} lets ten e-mails go at
 * once and then one every 100 ms. The limit is kept in storage and holds across every node and tenant of the storage,
 * as a provider's limit on an account does, provided every node configures the same limit.
 *
 * @param permits messages per period, at least 1
 * @param per the period; positive, at most a day, and at least 1 microsecond per permit
 * @param burst messages that may go at once, 1 to {@value SendRateStore#MAX_BURST}
 */
public record RateLimit(int permits, Duration per, int burst) {
    /** Validates the limit; a {@link ValidationException} names the offending part. */
    public RateLimit {
        if (permits < 1) {
            throw new ValidationException("permits", "must be at least 1");
        }
        Checks.required("per", per);
        if (per.isNegative() || per.isZero() || per.compareTo(SendRateStore.MAX_INTERVAL) > 0) {
            throw new ValidationException("per", "must be positive and at most a day");
        }
        if (per.toNanos() / permits < 1_000) {
            throw new ValidationException("permits", "must leave at least a microsecond between two messages");
        }
        if (burst < 1 || burst > SendRateStore.MAX_BURST) {
            throw new ValidationException("burst", "must be between 1 and " + SendRateStore.MAX_BURST);
        }
    }

    /** {@code permits} per {@code per}, all of them allowed at once after a quiet spell. */
    public static RateLimit of(int permits, Duration per) {
        return new RateLimit(permits, per, Math.min(Math.max(permits, 1), SendRateStore.MAX_BURST));
    }

    /** This limit with another burst. */
    public RateLimit withBurst(int messages) {
        return new RateLimit(permits, per, messages);
    }

    /** The time between two permits, at microsecond precision. */
    public Duration interval() {
        return Duration.ofNanos(per.toNanos() / permits / 1_000 * 1_000);
    }
}
