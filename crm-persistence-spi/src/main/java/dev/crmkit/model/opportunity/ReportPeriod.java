package dev.crmkit.model.opportunity;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Instant;

/** The deals closed from {@code from} (inclusive) to {@code to} (exclusive); {@code from} lies before {@code to}. */
public record ReportPeriod(Instant from, Instant to) {
    /**
     * Truncates both ends to microseconds.
     *
     * @throws ValidationException ({@code from}, {@code to}) when either is null; ({@code to}) when it does not lie
     *     after {@code from}
     */
    public ReportPeriod {
        from = Checks.instant("from", from);
        to = Checks.instant("to", to);
        if (!from.isBefore(to)) {
            throw new ValidationException("to", "must lie after from");
        }
    }

    /** Whether a deal closed at {@code closedAt} falls in the period. */
    public boolean contains(Instant closedAt) {
        return closedAt != null && !closedAt.isBefore(from) && closedAt.isBefore(to);
    }
}
