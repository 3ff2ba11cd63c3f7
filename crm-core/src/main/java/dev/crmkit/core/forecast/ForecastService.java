package dev.crmkit.core.forecast;

import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.NotPermittedException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.forecast.QuotaScope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's sales forecast: its fiscal calendar, the pipeline forecast by period, owner, team and forecast category,
 * quotas, forecast submissions with their history, pipeline snapshots on schedule and the accuracy of both once a
 * period has closed. Get it with {@code crm.tenant(id).service(ForecastService.class)}.
 */
public interface ForecastService {
    /** The due-work kind of scheduled pipeline snapshots; the key is the schedule's name. */
    String SNAPSHOT = "forecast.snapshot";

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

    /**
     * Submits a member's forecast for a period of the tenant's calendar, or, submitted by a manager above the member
     * in the management chain, adjusts it; records {@link ForecastSubmitted} or {@link ForecastAdjusted}. The
     * submission is kept as the next version of the member's forecast for the scope and period; the earlier versions
     * stay readable through {@link #submissionHistory}. With an idempotency key, a retry with the same key and payload
     * returns the first result and records nothing.
     *
     * @throws ValidationException ({@code command}) when null; ({@code memberId}, {@code submittedBy}) when it names
     *     no member of the tenant's team; ({@code period}) when not a period of the tenant's calendar
     * @throws NotPermittedException when the submitter is neither the member nor a manager above them
     * @throws dev.crmkit.model.ConflictException (retryable) when the current version is not the expected one (another
     *     submission was stored first); (not retryable) when the idempotency key was used with another payload;
     *     nothing changes
     */
    ForecastSubmission submit(SubmitForecast command);

    /**
     * The member's current forecast for the scope and period: the latest submission, or for a manager's team without
     * a team submission none (see {@link #forecasts} for the roll-up).
     *
     * @throws ValidationException ({@code memberId}, {@code scope}) when null; ({@code period}) as for {@link #quotas}
     */
    Optional<ForecastSubmission> currentForecast(UUID memberId, QuotaScope scope, FiscalPeriod period);

    /**
     * One page of a member's submissions for the scope and period, newest first.
     *
     * @throws ValidationException as for {@link #currentForecast}; ({@code page}) when null; ({@code cursor}) for a
     *     cursor of another query
     */
    Page<ForecastSubmission> submissionHistory(UUID memberId, QuotaScope scope, FiscalPeriod period,
            PageRequest page);

    /**
     * Every member's forecast for the period as it stood at {@code asOf}: the latest submission per member and scope
     * submitted by then, and for every manager without a team submission one rolled up (version 0) from the latest rep
     * submissions of the manager and everyone below, when all are in one currency. By member id, then scope.
     *
     * @throws ValidationException ({@code period}) as for {@link #quotas}; ({@code asOf}) when null
     */
    List<ForecastSubmission> forecasts(FiscalPeriod period, Instant asOf);

    /**
     * Takes pipeline snapshots on {@code schedule}, replacing the tenant's schedule of that name: the due-work
     * scheduler takes each occurrence once, on whichever node claims it, stores the pipeline forecast's owner lines
     * with the rates used, records {@link PipelineSnapshotTaken} and schedules the next occurrence. Returns the first
     * occurrence, after now.
     *
     * @throws ValidationException ({@code schedule}) when null
     */
    Instant scheduleSnapshots(SnapshotSchedule schedule);

    /** Stops the tenant's snapshot schedule of that name; whether there was one. Snapshots taken stay. */
    boolean cancelSnapshots(String name);

    /** The tenant's snapshot schedule of that name with its next occurrence, if scheduled. */
    Optional<ScheduledSnapshots> snapshotSchedule(String name);

    /**
     * One page of the tenant's pipeline snapshots, oldest first, without their cells and rates.
     *
     * @throws ValidationException ({@code page}) when null; ({@code cursor}) for a cursor of another query
     */
    Page<PipelineSnapshot> snapshots(PageRequest page);

    /**
     * A snapshot with its cells and rates.
     *
     * @throws NotFoundException when the tenant has no snapshot of that id
     */
    PipelineSnapshot snapshot(UUID id);

    /**
     * How accurate the forecasts of a closed period were, in {@code currency}: every snapshot in that currency that
     * holds figures of the period, and every member's forecast submission in that currency as it stood at
     * {@code cutoff} (null: the period's end), compared with what closed won in the period (the pipeline forecast's
     * closed category: one aggregate query over the deals, converted as {@link #pipeline} converts).
     *
     * @throws ValidationException ({@code period}) as for {@link #quotas}, or when it has not ended yet;
     *     ({@code currency}) when not ISO 4217
     * @throws NotFoundException ({@code exchange rate}) as for {@link #pipeline}
     */
    ForecastAccuracy accuracy(FiscalPeriod period, String currency, Instant cutoff);
}
