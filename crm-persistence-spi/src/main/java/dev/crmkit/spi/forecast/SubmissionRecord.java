package dev.crmkit.spi.forecast;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.forecast.ForecastFigures;
import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.model.forecast.SubmissionKind;
import java.time.Instant;
import java.util.UUID;

/**
 * One forecast submission, kept for ever: the figures a member submitted for themself ({@code REP}) or for their team
 * ({@code TEAM}) for one fiscal period, or a manager's adjustment of them. The submissions of one member, scope and
 * period are versioned 1, 2, 3 ...; the highest version is the current forecast, the earlier stay readable.
 *
 * <ul>
 *   <li>{@code memberId}, {@code scope}, {@code period}: whose forecast, as for {@link QuotaRecord}.</li>
 *   <li>{@code version}: 1 or more, one more than the member's previous submission for the scope and period.</li>
 *   <li>{@code kind} and {@code submittedBy}: {@code SUBMITTED} by the member themself ({@code submittedBy} is
 *       {@code memberId}), or {@code ADJUSTED} by a manager above them (another member).</li>
 *   <li>{@code figures}: the submitted numbers.</li>
 *   <li>{@code idempotencyKey}: the caller's key, 1 to 100 characters, unique in the tenant; optional.</li>
 *   <li>{@code submittedAt}: when, truncated to microseconds.</li>
 * </ul>
 */
public record SubmissionRecord(String tenantId, UUID id, UUID memberId, QuotaScope scope, String period,
        long version, SubmissionKind kind, UUID submittedBy, ForecastFigures figures, String idempotencyKey,
        Instant submittedAt) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public SubmissionRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.id("memberId", memberId);
        Checks.required("scope", scope);
        Checks.required("period", period);
        if (!QuotaRecord.PERIOD.matcher(period).matches()) {
            throw new ValidationException("period", "must be a fiscal period label such as FY2027-Q1");
        }
        Checks.version("version", version);
        Checks.required("kind", kind);
        Checks.id("submittedBy", submittedBy);
        if ((kind == SubmissionKind.SUBMITTED) != submittedBy.equals(memberId)) {
            throw new ValidationException("submittedBy", kind == SubmissionKind.SUBMITTED
                    ? "must be the member for a submission" : "must be another member for an adjustment");
        }
        Checks.required("figures", figures);
        idempotencyKey = Checks.optionalText("idempotencyKey", idempotencyKey, 100);
        submittedAt = Checks.instant("submittedAt", submittedAt);
    }
}
