package dev.crmkit.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the scenario moves forward by hand, so a follow-up can fall due without waiting a day. */
final class ScenarioClock extends Clock {
    private volatile Instant now;

    ScenarioClock(Instant start) {
        this.now = start;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }

    /** Moves the clock to {@code instant}, which must not lie before the clock's time. */
    void set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("the scenario's clock only moves forward");
        }
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
