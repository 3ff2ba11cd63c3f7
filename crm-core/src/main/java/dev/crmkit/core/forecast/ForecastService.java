package dev.crmkit.core.forecast;

import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import java.time.LocalDate;

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
}
