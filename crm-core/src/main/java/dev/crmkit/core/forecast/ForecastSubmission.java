package dev.crmkit.core.forecast;

import dev.crmkit.model.forecast.ForecastFigures;
import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.model.forecast.SubmissionKind;
import dev.crmkit.spi.forecast.SubmissionRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A forecast as submitted: one version of a member's forecast for a scope and period, or a team forecast rolled up
 * from the rep forecasts below a manager ({@link #rolledUp()}: version 0, no id, never stored).
 *
 * @param id the submission's id; null when rolled up
 * @param memberId whose forecast
 * @param scope the member's own deals or their team's
 * @param period the fiscal period's label ({@code FY2027-Q1})
 * @param version 1, 2, 3 ... per member, scope and period; 0 when rolled up
 * @param kind submitted by the member or adjusted by a manager above; {@code SUBMITTED} when rolled up
 * @param submittedBy the member who submitted it
 * @param figures commit, best case and pipeline, cumulative
 * @param submittedAt when; null when rolled up
 */
public record ForecastSubmission(UUID id, UUID memberId, QuotaScope scope, String period, long version,
        SubmissionKind kind, UUID submittedBy, ForecastFigures figures, Instant submittedAt) {
    /** The submission a stored record describes. */
    public static ForecastSubmission of(SubmissionRecord r) {
        return new ForecastSubmission(r.id(), r.memberId(), r.scope(), r.period(), r.version(), r.kind(),
                r.submittedBy(), r.figures(), r.submittedAt());
    }

    /** Whether it was rolled up from the rep forecasts below a manager rather than submitted. */
    public boolean rolledUp() {
        return version == 0;
    }
}
