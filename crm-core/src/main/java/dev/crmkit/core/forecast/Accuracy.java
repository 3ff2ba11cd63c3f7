package dev.crmkit.core.forecast;

import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.forecast.SnapshotCell;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Compares forecasts of one closed period with what closed won in it: the period's pipeline forecast (one aggregate
 * query over the deals, converted into the currency) gives the actuals per owner, team and in total; a snapshot's
 * cells give its figures per owner, rolled up the management chain as the pipeline forecast rolls up its lines.
 */
final class Accuracy {
    private static final List<ForecastMeasure> SUBMITTED = List.of(ForecastMeasure.COMMIT, ForecastMeasure.BEST_CASE,
            ForecastMeasure.PIPELINE);

    private final FiscalPeriod period;
    private final Instant end;
    private final PipelineForecast actual;
    private final Map<UUID, UUID> managerOf;
    private final Set<UUID> managers;

    Accuracy(FiscalPeriod period, Instant end, PipelineForecast actual, Map<UUID, UUID> managerOf) {
        this.period = period;
        this.end = end;
        this.actual = actual;
        this.managerOf = managerOf;
        this.managers = new HashSet<>(managerOf.values());
    }

    /** The accuracy of one snapshot, from its cells of the period. */
    SnapshotAccuracy snapshot(PipelineSnapshot snapshot, List<SnapshotCell> cells) {
        Map<UUID, Map<ForecastMeasure, BigDecimal>> reps = new TreeMap<>(Ids.ORDER);
        Map<UUID, Map<ForecastMeasure, BigDecimal>> teams = new TreeMap<>(Ids.ORDER);
        Map<ForecastMeasure, BigDecimal> total = zeros();
        for (ForecastLine closed : actual.owners()) {
            if (closed.memberId() != null && closed.category() == ForecastCategory.CLOSED) {
                reps.computeIfAbsent(closed.memberId(), k -> zeros());
            }
        }
        for (ForecastLine closed : actual.teams()) {
            if (closed.category() == ForecastCategory.CLOSED) {
                teams.computeIfAbsent(closed.memberId(), k -> zeros());
            }
        }
        for (SnapshotCell cell : cells) {
            add(total, cell);
            if (cell.ownerId() == null) {
                continue;
            }
            add(reps.computeIfAbsent(cell.ownerId(), k -> zeros()), cell);
            Set<UUID> seen = new HashSet<>();
            for (UUID m = cell.ownerId(); m != null && seen.add(m); m = managerOf.get(m)) {
                if (managers.contains(m)) {
                    add(teams.computeIfAbsent(m, k -> zeros()), cell);
                }
            }
        }
        List<AccuracyLine> lines = new ArrayList<>();
        reps.forEach((id, figures) -> lines(lines, AccuracyLevel.REP, id, figures, closedOf(id, false)));
        teams.forEach((id, figures) -> lines(lines, AccuracyLevel.TEAM, id, figures, closedOf(id, true)));
        lines(lines, AccuracyLevel.TOTAL, null, total, actual.total(period, ForecastCategory.CLOSED).amount());
        long days = Duration.between(snapshot.occurrence(), end).toDays();
        return new SnapshotAccuracy(snapshot.id(), snapshot.schedule(), snapshot.occurrence(), days, lines);
    }

    /** The accuracy of a submission: the rep's own deals, or the team's for a manager's team forecast. */
    SubmissionAccuracy submission(ForecastSubmission s) {
        boolean team = s.scope() == QuotaScope.TEAM && managers.contains(s.memberId());
        BigDecimal closed = closedOf(s.memberId(), team);
        AccuracyLevel level = team ? AccuracyLevel.TEAM : AccuracyLevel.REP;
        return new SubmissionAccuracy(s, List.of(
                new AccuracyLine(level, s.memberId(), ForecastMeasure.COMMIT, s.figures().commit(), closed),
                new AccuracyLine(level, s.memberId(), ForecastMeasure.BEST_CASE, s.figures().bestCase(), closed),
                new AccuracyLine(level, s.memberId(), ForecastMeasure.PIPELINE, s.figures().pipeline(), closed)));
    }

    private BigDecimal closedOf(UUID memberId, boolean team) {
        return (team ? actual.team(period, memberId, ForecastCategory.CLOSED)
                : actual.owner(period, memberId, ForecastCategory.CLOSED)).amount();
    }

    private static void lines(List<AccuracyLine> lines, AccuracyLevel level, UUID memberId,
            Map<ForecastMeasure, BigDecimal> figures, BigDecimal closed) {
        for (ForecastMeasure measure : ForecastMeasure.values()) {
            lines.add(new AccuracyLine(level, memberId, measure, figures.get(measure), closed));
        }
    }

    /** Adds a cell to the cumulative measures its category counts in. */
    private static void add(Map<ForecastMeasure, BigDecimal> figures, SnapshotCell cell) {
        int rank = switch (cell.category()) {
            case CLOSED, COMMIT -> 0;
            case BEST_CASE -> 1;
            case PIPELINE -> 2;
            case OMITTED -> throw new IllegalStateException("a snapshot cell is never omitted");
        };
        for (int i = rank; i < SUBMITTED.size(); i++) {
            figures.merge(SUBMITTED.get(i), cell.amount(), BigDecimal::add);
        }
        figures.merge(ForecastMeasure.WEIGHTED, cell.weightedAmount(), BigDecimal::add);
    }

    private static Map<ForecastMeasure, BigDecimal> zeros() {
        Map<ForecastMeasure, BigDecimal> figures = new EnumMap<>(ForecastMeasure.class);
        for (ForecastMeasure measure : ForecastMeasure.values()) {
            figures.put(measure, BigDecimal.ZERO);
        }
        return figures;
    }
}
