package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.message.RatePermit;
import dev.crmkit.spi.message.SendRateStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Send rates in memory: one theoretical arrival time per limit, in microseconds, behind this store's own lock rather
 * than the unit's, because a permit is spent at once and never rolled back with the caller's unit.
 */
final class InMemorySendRateStore implements SendRateStore {
    private final Map<String, Long> arrivals = new HashMap<>();

    @Override
    public synchronized RatePermit take(String limit, Duration interval, int burst, Instant now) {
        long[] checked = check(limit, interval, burst, now);
        long step = checked[0];
        long tolerance = checked[1];
        long at = checked[2];
        long start = Math.max(arrivals.getOrDefault(limit, Long.MIN_VALUE), at);
        if (start - at > tolerance) {
            return RatePermit.refusedUntil(Instant.EPOCH.plus(start - tolerance, ChronoUnit.MICROS));
        }
        arrivals.put(limit, start + step);
        return RatePermit.grant();
    }

    /** The interval, the tolerance and now, in microseconds, after validating the arguments as the contract says. */
    static long[] check(String limit, Duration interval, int burst, Instant now) {
        Checks.text("limit", limit, 64);
        Checks.required("interval", interval);
        if (interval.compareTo(Duration.ofNanos(1_000)) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new ValidationException("interval", "must be between 1 microsecond and 1 day");
        }
        if (burst < 1 || burst > MAX_BURST) {
            throw new ValidationException("burst", "must be between 1 and " + MAX_BURST);
        }
        Instant at = Checks.instant("now", now);
        long step = interval.toNanos() / 1_000;
        return new long[] {step, step * (burst - 1), ChronoUnit.MICROS.between(Instant.EPOCH, at)};
    }
}
