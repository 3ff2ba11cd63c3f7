package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.spi.forecast.ForecastStorage;
import dev.crmkit.spi.forecast.SnapshotCell;
import dev.crmkit.spi.forecast.SnapshotRate;
import dev.crmkit.spi.forecast.SnapshotRecord;
import dev.crmkit.spi.forecast.SnapshotStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link SnapshotStore}: pipeline snapshots with their cells and rates, written once, one per schedule and
 * occurrence, paged oldest first, and their cells of one period across snapshots.
 */
public abstract class SnapshotStoreContract extends ContractSupport {
    private static final Instant MONDAY = Instant.parse("2026-03-02T07:00:00Z");

    private final UUID ana = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private final UUID high = UUID.fromString("f0000000-0000-7000-8000-00000000000c");

    private SnapshotStore snapshots() {
        return capability(ForecastStorage.class).snapshots();
    }

    private static SnapshotRecord snapshot(String tenant, String schedule, Instant occurrence) {
        return new SnapshotRecord(tenant, UUID.randomUUID(), schedule, occurrence, occurrence.plusSeconds(3),
                "FY2026-Q1", 2, "EUR");
    }

    private static SnapshotCell cell(SnapshotRecord s, String period, UUID owner, ForecastCategory category,
            String amount) {
        return new SnapshotCell(s.id(), period, owner, category, 2, new BigDecimal(amount),
                new BigDecimal(amount).divide(new BigDecimal(4)));
    }

    @Test
    void a_snapshot_is_stored_with_its_cells_and_rates_and_read_back() {
        SnapshotRecord s = snapshot(TENANT, "weekly", MONDAY);
        List<SnapshotCell> cells = List.of(cell(s, "FY2026-Q2", ana, ForecastCategory.COMMIT, "40"),
                cell(s, "FY2026-Q1", high, ForecastCategory.CLOSED, "100.5"),
                cell(s, "FY2026-Q1", null, ForecastCategory.PIPELINE, "7"),
                cell(s, "FY2026-Q1", ana, ForecastCategory.BEST_CASE, "20"),
                cell(s, "FY2026-Q1", ana, ForecastCategory.CLOSED, "10"));
        List<SnapshotRate> rates = List.of(
                new SnapshotRate("FY2026-Q2", "USD", new BigDecimal("0.9"), LocalDate.of(2026, 3, 1)),
                new SnapshotRate("FY2026-Q1", "USD", new BigDecimal("0.923456789012"), LocalDate.of(2026, 2, 27)));

        snapshots().insert(s, cells, rates);

        assertThat(snapshots().get(TENANT, s.id())).contains(s);
        assertThat(snapshots().find(TENANT, "weekly", MONDAY)).contains(s);
        assertThat(snapshots().find(TENANT, "weekly", MONDAY.plusSeconds(1))).isEmpty();
        assertThat(snapshots().find(TENANT, "period-start", MONDAY)).isEmpty();
        assertThat(snapshots().cells(TENANT, s.id())).containsExactly(cells.get(2), cells.get(3), cells.get(4),
                cells.get(1), cells.get(0));
        assertThat(snapshots().cells(TENANT, s.id()).get(2).amount()).isEqualTo(new BigDecimal("10.0000"));
        assertThat(snapshots().cells(TENANT, s.id()).get(2).weightedAmount()).isEqualTo(new BigDecimal("2.5000"));
        assertThat(snapshots().rates(TENANT, s.id())).containsExactly(rates.get(1), rates.get(0));
        assertThat(snapshots().get(OTHER_TENANT, s.id())).isEmpty();
        assertThat(snapshots().cells(OTHER_TENANT, s.id())).isEmpty();
        assertThat(snapshots().rates(OTHER_TENANT, s.id())).isEmpty();
    }

    @Test
    void a_schedule_has_one_snapshot_per_occurrence_and_a_second_stores_nothing() {
        SnapshotRecord first = snapshot(TENANT, "weekly", MONDAY);
        snapshots().insert(first, List.of(cell(first, "FY2026-Q1", ana, ForecastCategory.COMMIT, "1")), List.of());
        SnapshotRecord second = snapshot(TENANT, "weekly", MONDAY);

        assertThatThrownBy(() -> snapshots().insert(second, List.of(cell(second, "FY2026-Q1", ana,
                ForecastCategory.COMMIT, "2")), List.of()))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("occurrence"));
        assertThat(snapshots().get(TENANT, second.id())).isEmpty();
        assertThat(snapshots().cellsOfPeriod(TENANT, "FY2026-Q1")).extracting(SnapshotCell::snapshotId)
                .containsExactly(first.id());

        SnapshotRecord otherSchedule = snapshot(TENANT, "period-start", MONDAY);
        SnapshotRecord otherTenant = snapshot(OTHER_TENANT, "weekly", MONDAY);
        snapshots().insert(otherSchedule, List.of(), List.of());
        snapshots().insert(otherTenant, List.of(), List.of());
        assertThat(snapshots().get(TENANT, otherSchedule.id())).contains(otherSchedule);
        assertThatThrownBy(() -> snapshots().insert(new SnapshotRecord(TENANT, first.id(), "other", MONDAY, MONDAY,
                "FY2026", 1, "EUR"), List.of(), List.of()))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
    }

    @Test
    void cells_must_name_their_snapshot_and_lists_must_hold_no_nulls() {
        SnapshotRecord s = snapshot(TENANT, "weekly", MONDAY);
        SnapshotRecord other = snapshot(TENANT, "weekly", MONDAY.plusSeconds(60));

        assertThatThrownBy(() -> snapshots().insert(s, List.of(cell(other, "FY2026-Q1", ana,
                ForecastCategory.COMMIT, "1")), List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("cells"));
        assertThatThrownBy(() -> snapshots().insert(null, List.of(), List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("snapshot"));
        assertThatThrownBy(() -> snapshots().insert(s, null, List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("cells"));
        assertThatThrownBy(() -> new SnapshotCell(s.id(), "FY2026-Q1", ana, ForecastCategory.OMITTED, 1,
                BigDecimal.ONE, BigDecimal.ONE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("category"));
        assertThat(snapshots().get(TENANT, s.id())).isEmpty();
    }

    @Test
    void pages_run_oldest_first_and_neither_skip_nor_repeat() {
        List<SnapshotRecord> stored = new ArrayList<>();
        for (int week = 4; week >= 0; week--) {
            SnapshotRecord s = snapshot(TENANT, "weekly", MONDAY.plus(Duration.ofDays(7L * week)));
            snapshots().insert(s, List.of(), List.of());
            stored.add(0, s);
        }
        SnapshotRecord sameTime = snapshot(TENANT, "period-start", MONDAY);
        snapshots().insert(sameTime, List.of(), List.of());
        snapshots().insert(snapshot(OTHER_TENANT, "weekly", MONDAY), List.of(), List.of());

        List<SnapshotRecord> seen = new ArrayList<>();
        Page<SnapshotRecord> page = snapshots().snapshots(TENANT, PageRequest.first(4));
        seen.addAll(page.items());
        while (page.next().isPresent()) {
            page = snapshots().snapshots(TENANT, PageRequest.first(4).next(page.next().get()));
            seen.addAll(page.items());
        }

        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
        assertThat(seen.subList(2, 6)).containsExactlyElementsOf(stored.subList(1, 5));
        assertThat(seen.subList(0, 2)).containsExactlyInAnyOrder(stored.get(0), sameTime);
        assertThat(dev.crmkit.spi.Ids.ORDER.compare(seen.get(0).id(), seen.get(1).id())).isNegative();
    }

    @Test
    void the_cells_of_a_period_come_from_every_snapshot_by_snapshot() {
        SnapshotRecord a = snapshot(TENANT, "weekly", MONDAY);
        SnapshotRecord b = snapshot(TENANT, "weekly", MONDAY.plus(Duration.ofDays(7)));
        snapshots().insert(a, List.of(cell(a, "FY2026-Q1", ana, ForecastCategory.COMMIT, "1"),
                cell(a, "FY2026-Q2", ana, ForecastCategory.COMMIT, "2")), List.of());
        snapshots().insert(b, List.of(cell(b, "FY2026-Q1", high, ForecastCategory.COMMIT, "3"),
                cell(b, "FY2026-Q1", ana, ForecastCategory.CLOSED, "4")), List.of());
        SnapshotRecord elsewhere = snapshot(OTHER_TENANT, "weekly", MONDAY);
        snapshots().insert(elsewhere, List.of(cell(elsewhere, "FY2026-Q1", ana, ForecastCategory.COMMIT, "5")),
                List.of());

        List<SnapshotCell> cells = snapshots().cellsOfPeriod(TENANT, "FY2026-Q1");

        List<SnapshotRecord> bySnapshot = new ArrayList<>(List.of(a, b));
        bySnapshot.sort(java.util.Comparator.comparing(SnapshotRecord::id, dev.crmkit.spi.Ids.ORDER));
        assertThat(cells).extracting(c -> c.amount().stripTrailingZeros().toPlainString())
                .containsExactlyElementsOf(bySnapshot.get(0) == a ? List.of("1", "4", "3") : List.of("4", "3", "1"));
        assertThat(snapshots().cellsOfPeriod(TENANT, "FY2026-Q3")).isEmpty();
    }
}
