package dev.crmkit.core.forecast;

import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import java.time.LocalDate;
import java.util.List;

/**
 * A tenant's sales forecast: its fiscal calendar and the pipeline forecast by period, owner, team and forecast
 * category. Get it with {@code crm.tenant(id).service(ForecastService.class)}.
 */
public interface ForecastService {
    /** The tenant's fiscal calendar, as the {@link ForecastModule} was given it. */
    FiscalCalendar calendar();

    /**
     * The pipeline forecast of {@code periods} consecutive fiscal periods of the given type, starting with the one
     * that contains {@code from}, in the reporting currency. The storage groups and sums the deals (one aggregate
     * query); the amounts of each period and currency are then converted at the rate the exchange-rate port answers
     * for the period's last day, or for today (in the calendar's zone) while the period is not over, and rolled up the
     * team's management hierarchy. Reads only; records no event.
     *
     * @throws ValidationException ({@code type}, {@code from}) when null; ({@code periods}) unless 1 to 120;
     *     ({@code currency}) when not an ISO 4217 code
     * @throws NotFoundException ({@code exchange rate}) when the port has no rate for a currency the deals of a period
     *     are in; nothing is returned in part
     */
    PipelineForecast pipeline(PeriodType type, LocalDate from, int periods, String currency);

    /**
     * Sets the quota of a member ({@link dev.crmkit.model.forecast.QuotaScope#REP}) or of the member's team
     * ({@code TEAM}) for a period of the tenant's calendar, and records {@link QuotaSet}. The quota is replaced by
     * compare-and-set on its version: with {@code expectedVersion} given, only the quota at that version (0: only when
     * there is none); without, whatever is stored when the command reads it, so that a change another unit stores
     * in between is refused rather than overwritten. Setting the amount a quota holds already changes nothing and
     * records nothing.
     *
     * @throws ValidationException ({@code memberId}) when it names no member of the tenant's team; ({@code period})
     *     when it is not a period of the tenant's calendar
     * @throws dev.crmkit.model.ConflictException (retryable) when the stored version is not the expected one; nothing
     *     changes
     */
    Quota setQuota(SetQuota command);

    /**
     * The quotas set for a period of the tenant's calendar, ordered by member id, then scope.
     *
     * @throws ValidationException ({@code period}) when null or not a period of the tenant's calendar
     */
    List<Quota> quotas(FiscalPeriod period);

    /**
     * Attainment and pipeline coverage for every quota of the period: the quotas set, and for every manager without
     * a team quota one rolled up from the rep quotas of the manager and everyone below (in one currency). Closed-won
     * and open pipeline are the pipeline forecast's figures for the period (one aggregate query), converted into each
     * quota's currency: the member's own deals for a rep quota, the team's (the manager's and everyone's below) for a
     * team quota. Ordered by member id, then scope.
     *
     * @throws ValidationException ({@code period}) when null or not a period of the tenant's calendar
     * @throws NotFoundException ({@code exchange rate}) as for {@link #pipeline}
     */
    List<QuotaAttainment> attainment(FiscalPeriod period);
}
