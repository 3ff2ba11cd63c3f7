package dev.crmkit.core.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Duration;
import java.time.Instant;

/**
 * A stopwatch of business time, the SLA clock of a ticket: it runs, is paused (while the ticket waits on the customer)
 * and resumed, and says how much business time of a {@link BusinessCalendar} has passed while it ran, and when a
 * target will be reached if it keeps running. A value: every change returns a new clock.
 *
 * @param elapsed      the business time counted up to the last pause (or start)
 * @param runningSince when it was last started or resumed; null while it is paused
 */
public record BusinessClock(Duration elapsed, Instant runningSince) {
    /**
     * Checks the parts.
     *
     * @throws ValidationException ({@code elapsed}) when it is null or negative
     */
    public BusinessClock {
        Checks.required("elapsed", elapsed);
        if (elapsed.isNegative()) {
            throw new ValidationException("elapsed", "must not be negative");
        }
    }

    /**
     * A clock started at {@code at}, with nothing counted yet.
     *
     * @throws ValidationException ({@code at}) when it is null
     */
    public static BusinessClock startedAt(Instant at) {
        return new BusinessClock(Duration.ZERO, Checks.required("at", at));
    }

    /** Whether it runs. */
    public boolean isRunning() {
        return runningSince != null;
    }

    /**
     * The clock paused at {@code at}, having counted the business time since it last started; a paused clock stays
     * as it is.
     *
     * @throws ValidationException ({@code to}) when {@code at} is before the clock last started
     */
    public BusinessClock pause(BusinessCalendar calendar, Instant at) {
        if (!isRunning()) {
            return this;
        }
        return new BusinessClock(elapsed(calendar, at), null);
    }

    /**
     * The clock running again from {@code at}; a running clock stays as it is.
     *
     * @throws ValidationException ({@code at}) when it is null
     */
    public BusinessClock resume(Instant at) {
        Checks.required("at", at);
        return isRunning() ? this : new BusinessClock(elapsed, at);
    }

    /**
     * The business time counted by {@code at}: what it counted before, and, while it runs, the business time since
     * it last started.
     *
     * @throws ValidationException ({@code to}) when {@code at} is before the clock last started
     */
    public Duration elapsed(BusinessCalendar calendar, Instant at) {
        Checks.required("calendar", calendar);
        Checks.required("at", at);
        return isRunning() ? elapsed.plus(calendar.between(runningSince, at)) : elapsed;
    }

    /**
     * When the clock, running on, will have counted {@code target}: null while it is paused (the moment is not known),
     * and the moment it last started when it counted the target already.
     */
    public Instant reaches(BusinessCalendar calendar, Duration target) {
        Checks.required("calendar", calendar);
        Checks.required("target", target);
        if (!isRunning()) {
            return null;
        }
        Duration left = target.minus(elapsed);
        return calendar.add(runningSince, left.isNegative() ? Duration.ZERO : left);
    }
}
