package dev.crmkit.model.opportunity;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One period of a pipeline forecast, as the storage sees it: a won deal falls in it when it closed from {@code from}
 * (inclusive) to {@code to} (exclusive), an open deal when its expected close date lies from {@code firstDay}
 * (inclusive) to {@code endDay} (exclusive). The core computes both from the tenant's fiscal calendar and time zone
 * (the instants are midnight of the two days in that zone), so the storage needs to know neither.
 *
 * @param from the first instant of the period
 * @param to the first instant after it
 * @param firstDay the period's first day
 * @param endDay the day after its last
 */
public record ForecastBucket(Instant from, Instant to, LocalDate firstDay, LocalDate endDay) {
    /**
     * Truncates the instants to microseconds.
     *
     * @throws ValidationException ({@code from}, {@code to}, {@code firstDay}, {@code endDay}) when null; ({@code to})
     *     when it does not lie after {@code from}; ({@code endDay}) when it does not lie after {@code firstDay}
     */
    public ForecastBucket {
        from = Checks.instant("from", from);
        to = Checks.instant("to", to);
        if (!from.isBefore(to)) {
            throw new ValidationException("to", "must lie after from");
        }
        Checks.required("firstDay", firstDay);
        Checks.required("endDay", endDay);
        if (!firstDay.isBefore(endDay)) {
            throw new ValidationException("endDay", "must lie after firstDay");
        }
    }
}
