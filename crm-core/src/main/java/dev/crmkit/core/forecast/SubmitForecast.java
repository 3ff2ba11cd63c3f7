package dev.crmkit.core.forecast;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.forecast.ForecastFigures;
import dev.crmkit.model.forecast.QuotaScope;
import java.util.UUID;

/**
 * Submits a member's forecast for a fiscal period, or, submitted by a manager above the member, adjusts it.
 *
 * @param memberId whose forecast: the rep, or the manager whose team forecast it is
 * @param scope {@link QuotaScope#REP} for the member's own deals, {@link QuotaScope#TEAM} for their team's
 * @param period the fiscal period (of the tenant's calendar)
 * @param submittedBy who submits: the member themself (a submission) or a manager above them (an adjustment)
 * @param figures commit, best case and pipeline, cumulative, in one currency
 * @param expectedVersion the version of the forecast this one follows (0: there is none yet), or null to follow
 *     whatever is current when the command reads it, still refusing a submission another unit stores in between
 * @param idempotencyKey the caller's key for a retry (1 to 100 characters), or null
 */
public record SubmitForecast(UUID memberId, QuotaScope scope, FiscalPeriod period, UUID submittedBy,
        ForecastFigures figures, Long expectedVersion, String idempotencyKey) {
    /**
     * @throws ValidationException naming {@code memberId}, {@code scope}, {@code period}, {@code submittedBy} or
     *     {@code figures} when null; ({@code expectedVersion}) when negative; ({@code idempotencyKey}) when blank or
     *     longer than 100 characters
     */
    public SubmitForecast {
        Checks.required("memberId", memberId);
        Checks.required("scope", scope);
        Checks.required("period", period);
        Checks.required("submittedBy", submittedBy);
        Checks.required("figures", figures);
        if (expectedVersion != null && expectedVersion < 0) {
            throw new ValidationException("expectedVersion", "must be 0 (no forecast yet) or more");
        }
        idempotencyKey = idempotencyKey == null ? null : Checks.text("idempotencyKey", idempotencyKey, 100);
    }

    /** A rep's own forecast for the period, submitted by the rep. */
    public static SubmitForecast forRep(UUID memberId, FiscalPeriod period, ForecastFigures figures) {
        return new SubmitForecast(memberId, QuotaScope.REP, period, memberId, figures, null, null);
    }

    /** A manager's forecast for their team, submitted by the manager. */
    public static SubmitForecast forTeam(UUID managerId, FiscalPeriod period, ForecastFigures figures) {
        return new SubmitForecast(managerId, QuotaScope.TEAM, period, managerId, figures, null, null);
    }

    /** The same, submitted by {@code submitter}: a manager above the member makes it an adjustment. */
    public SubmitForecast by(UUID submitter) {
        return new SubmitForecast(memberId, scope, period, submitter, figures, expectedVersion, idempotencyKey);
    }

    /** The same, following only the forecast at this version (0: only if there is none yet). */
    public SubmitForecast atVersion(long version) {
        return new SubmitForecast(memberId, scope, period, submittedBy, figures, version, idempotencyKey);
    }

    /** The same with an idempotency key: a retry with the key and the same payload returns the first result. */
    public SubmitForecast withIdempotencyKey(String key) {
        return new SubmitForecast(memberId, scope, period, submittedBy, figures, expectedVersion, key);
    }
}
