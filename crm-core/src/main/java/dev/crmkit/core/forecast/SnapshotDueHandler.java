package dev.crmkit.core.forecast;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.scheduling.DueWork;
import dev.crmkit.core.scheduling.DueWorkHandler;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.spi.forecast.ForecastStorage;
import dev.crmkit.spi.forecast.SnapshotCell;
import dev.crmkit.spi.forecast.SnapshotRate;
import dev.crmkit.spi.forecast.SnapshotRecord;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the pipeline snapshot of due work of kind {@link ForecastService#SNAPSHOT} (key: the schedule's name, payload:
 * the schedule) and schedules the schedule's next occurrence. It runs in a unit of its own ({@link #runsInUnit()}
 * false), so that rescheduling its own work for the next occurrence is not taken by the scheduler for a lost lease.
 * Another node may run the same occurrence beside it once a lease ran out; the snapshot store keeps a schedule's
 * occurrence to one snapshot, and the unit of the node that comes second stores nothing and schedules nothing.
 */
final class SnapshotDueHandler implements DueWorkHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotDueHandler.class);

    private final DomainContext context;
    private final Function<String, FiscalCalendar> calendars;
    private final Function<String, StoredForecasts> forecasts;

    SnapshotDueHandler(DomainContext context, Function<String, FiscalCalendar> calendars,
            Function<String, StoredForecasts> forecasts) {
        this.context = context;
        this.calendars = calendars;
        this.forecasts = forecasts;
    }

    @Override
    public boolean runsInUnit() {
        return false;
    }

    @Override
    public void handle(DueWork work) {
        Optional<SnapshotSchedule> parsed = SnapshotSchedule.parse(work.key(), work.payload());
        if (parsed.isEmpty()) {
            LOG.warn("Due work {} of kind {} holds no snapshot schedule; dropping it", work.id(), work.kind());
            return;
        }
        SnapshotSchedule schedule = parsed.get();
        context.storage().transactions().run(() -> {
            // The work may be stale: the schedule was cancelled or replaced, or another node took this occurrence.
            Optional<DueWorkRecord> current = context.storage().dueWork().find(work.tenantId(), work.kind(),
                    work.key());
            if (current.isEmpty() || !current.get().dueAt().equals(work.dueAt())
                    || !schedule.payload().equals(current.get().payload())) {
                return;
            }
            FiscalCalendar calendar = calendars.apply(work.tenantId());
            PipelineForecast forecast = forecasts.apply(work.tenantId()).pipelineOfOwners(schedule.periodType(),
                    LocalDate.ofInstant(work.dueAt(), calendar.zone()), schedule.periods(), schedule.currency());
            Instant now = context.now();
            UUID id = context.ids().next();
            SnapshotRecord snapshot = new SnapshotRecord(work.tenantId(), id, schedule.name(), work.dueAt(), now,
                    forecast.periods().get(0).label(), schedule.periods(), schedule.currency());
            List<SnapshotCell> cells = cells(id, forecast);
            try {
                context.storage(ForecastStorage.class).snapshots().insert(snapshot, cells, rates(forecast));
            } catch (DuplicateException e) {
                if ("occurrence".equals(e.key())) {
                    return;   // another node took this occurrence and scheduled the next
                }
                throw e;
            }
            context.events().record(new PipelineSnapshotTaken(work.tenantId(), id, schedule.name(), work.dueAt(),
                    snapshot.firstPeriod(), snapshot.periods(), snapshot.currency(), cells.size(), now));
            // The next occurrence after now: occurrences missed while no scheduler ran are not made up.
            context.storage().dueWork().schedule(DueWorkRecord.of(work.tenantId(), context.ids().next(), work.kind(),
                    work.key(), schedule.nextAfter(now, calendar), schedule.payload()));
        });
    }

    private static List<SnapshotCell> cells(UUID snapshotId, PipelineForecast forecast) {
        List<SnapshotCell> cells = new ArrayList<>();
        for (ForecastLine line : forecast.owners()) {
            cells.add(new SnapshotCell(snapshotId, line.period().label(), line.memberId(), line.category(),
                    line.deals(), line.amount(), line.weightedAmount()));
        }
        return cells;
    }

    private static List<SnapshotRate> rates(PipelineForecast forecast) {
        List<SnapshotRate> rates = new ArrayList<>();
        for (RateUsed used : forecast.rates()) {
            rates.add(new SnapshotRate(used.period().label(), used.rate().from().getCurrencyCode(),
                    used.rate().rate().setScale(12, RoundingMode.HALF_EVEN), used.rate().date()));
        }
        return rates;
    }
}
