package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.BacklogCell;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.MilestoneTimes;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.spi.ticket.MilestoneRecord;
import dev.crmkit.spi.ticket.ServiceReportStore;
import dev.crmkit.spi.ticket.TicketRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service reports over the in-memory tickets and milestones, computed in Java the way SQL's
 * {@code PERCENTILE_CONT} computes them (linear interpolation between the two nearest values), exactly.
 */
final class InMemoryServiceReportStore implements ServiceReportStore {
    private static final BigDecimal MEDIAN = new BigDecimal("0.5");
    private static final BigDecimal P90 = new BigDecimal("0.9");

    private final UnitOfWork unit;
    private final InMemoryTicketStore tickets;
    private final InMemoryMilestoneStore milestones;

    InMemoryServiceReportStore(UnitOfWork unit, InMemoryTicketStore tickets, InMemoryMilestoneStore milestones) {
        this.unit = unit;
        this.tickets = tickets;
        this.milestones = milestones;
    }

    @Override
    public List<MilestoneTimes> milestoneTimes(String tenantId, Instant from, Instant to) {
        Checks.tenantId("tenantId", tenantId);
        Instant start = Checks.instant("from", from);
        Instant end = Checks.instant("to", to);
        if (!end.isAfter(start)) {
            throw new ValidationException("to", "must be after from");
        }
        return unit.inTransaction(() -> {
            Map<MilestoneKind, List<MilestoneRecord>> byKind = new EnumMap<>(MilestoneKind.class);
            for (MilestoneRecord m : milestones.all(tenantId)) {
                if (m.completedAt() != null && !m.completedAt().isBefore(start) && m.completedAt().isBefore(end)) {
                    byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m);
                }
            }
            List<MilestoneTimes> report = new ArrayList<>();
            byKind.forEach((kind, done) -> {
                List<BigDecimal> micros = done.stream().map(m -> BigDecimal.valueOf(m.elapsed().toNanos() / 1000))
                        .sorted().toList();
                long met = done.stream().filter(m -> !m.breached()).count();
                report.add(new MilestoneTimes(kind, done.size(), met, MilestoneTimes.seconds(percentile(micros, MEDIAN)),
                        MilestoneTimes.seconds(percentile(micros, P90))));
            });
            return report;
        });
    }

    /** The continuous percentile of sorted values: between the two nearest ranks, by the fraction of the rank. */
    static BigDecimal percentile(List<BigDecimal> sorted, BigDecimal p) {
        BigDecimal rank = p.multiply(BigDecimal.valueOf(sorted.size() - 1L));
        int low = rank.setScale(0, RoundingMode.FLOOR).intValueExact();
        BigDecimal fraction = rank.subtract(BigDecimal.valueOf(low));
        if (low + 1 >= sorted.size()) {
            return sorted.get(low);
        }
        return sorted.get(low).add(fraction.multiply(sorted.get(low + 1).subtract(sorted.get(low))));
    }

    @Override
    public List<BacklogCell> backlog(String tenantId, Instant asOf, List<Duration> ageBounds) {
        Checks.tenantId("tenantId", tenantId);
        Instant now = Checks.instant("asOf", asOf);
        List<Duration> bounds = ServiceReportStore.ageBounds(ageBounds);
        return unit.inTransaction(() -> {
            Map<TicketPriority, Map<Integer, Long>> counts = new EnumMap<>(TicketPriority.class);
            for (TicketRecord t : tickets.all(tenantId)) {
                if (!t.state().isActive() || t.createdAt().isAfter(now)) {
                    continue;
                }
                Duration age = Duration.between(t.createdAt(), now);
                int band = 0;
                while (band < bounds.size() && age.compareTo(bounds.get(band)) >= 0) {
                    band++;
                }
                counts.computeIfAbsent(t.priority(), p -> new TreeMap<>()).merge(band, 1L, Long::sum);
            }
            List<BacklogCell> report = new ArrayList<>();
            counts.forEach((priority, bands) -> bands.forEach((band, n) -> report.add(new BacklogCell(priority, band, n))));
            return report;
        });
    }
}
