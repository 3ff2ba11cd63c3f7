package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.opportunity.CurrencyTotal;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.LeadSourceResult;
import dev.crmkit.model.opportunity.PipelineCell;
import dev.crmkit.model.opportunity.RepResult;
import dev.crmkit.model.opportunity.ReportPeriod;
import dev.crmkit.model.opportunity.SalesCycle;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.model.opportunity.WinRate;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The sales reports over generated deals equal a reference computation: for every report, the same groups with
 * the same counts and exact sums, in the stated order, on every backend.
 */
public abstract class SalesReportProperties extends ContractSupport {
    private static final ReportPeriod PERIOD = new ReportPeriod(Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-02-01T00:00:00Z"));
    private static final UUID PIPELINE = UUID.randomUUID();
    private static final UUID[] OWNERS = {null, UUID.randomUUID(), UUID.randomUUID()};
    private static final String[] CURRENCIES = {null, "EUR", "JPY"};
    private static final String[] SOURCES = {null, "web", "fair"};
    private static final String[] STAGES = {"prospecting", "proposal"};
    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<UUID> ID = Comparator.nullsFirst(Ids.ORDER);

    /** A deal from one number's digits: status, stage, owner, currency, amount, probability, source, times. */
    private static OpportunityRecord deal(String tenant, int shape) {
        StageOutcome status = StageOutcome.values()[shape % 3];
        String currency = CURRENCIES[shape / 3 % 3];
        BigDecimal amount = currency == null ? null : BigDecimal.valueOf(shape % 100_000, 2);
        UUID owner = OWNERS[shape / 9 % 3];
        String source = SOURCES[shape / 27 % 3];
        int probability = shape / 81 % 101;
        UUID pipeline = shape / 8181 % 4 == 3 ? UUID.randomUUID() : PIPELINE;
        // closed from 10 days before the period to 10 days after it, each after a cycle of 0 to 99 hours
        Instant closedAt = PERIOD.from().minus(Duration.ofDays(10)).plus(Duration.ofHours(shape / 7 % (51 * 24)));
        Instant created = closedAt.minus(Duration.ofHours(shape / 13 % 100));
        boolean open = status == StageOutcome.OPEN;
        String stage = open ? STAGES[shape / 5 % 2] : status.name().toLowerCase();
        return new OpportunityRecord(tenant, UUID.randomUUID(), 1, created, closedAt, "Deal " + shape,
                UUID.randomUUID(), pipeline, stage, status, amount, currency, probability, ForecastCategory.PIPELINE,
                null, owner, List.of(), Set.of(), Set.of(), null, source, closedAt, open ? null : closedAt, null);
    }

    private static BigDecimal amount(OpportunityRecord o) {
        return o.amount() == null ? BigDecimal.ZERO : o.amount();
    }

    /** Groups deals by a key, keeping the groups' first-seen order (the caller sorts). */
    private static <K> Map<K, List<OpportunityRecord>> group(List<OpportunityRecord> deals,
            Predicate<OpportunityRecord> which, Function<OpportunityRecord, K> key) {
        Map<K, List<OpportunityRecord>> groups = new LinkedHashMap<>();
        deals.stream().filter(which).forEach(o -> groups.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o));
        return groups;
    }

    private static BigDecimal sum(List<OpportunityRecord> deals, Function<OpportunityRecord, BigDecimal> value) {
        return deals.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static boolean closedIn(OpportunityRecord o, StageOutcome status) {
        return o.status() == status && PERIOD.contains(o.closedAt());
    }

    @Test
    void every_report_equals_the_reference_computation_over_generated_deals() {
        qt().withExamples(30).withShrinkCycles(20)
                .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 25))
                .checkAssert(shapes -> {
                    String tenant = CustomerFixtures.freshTenant();
                    List<OpportunityRecord> deals = new ArrayList<>();
                    for (int shape : shapes) {
                        deals.add(opportunities().insert(deal(tenant, shape)));
                    }
                    var store = opportunities();

                    assertThat(store.winRate(tenant, PERIOD)).isEqualTo(new WinRate(
                            deals.stream().filter(o -> closedIn(o, StageOutcome.WON)).count(),
                            deals.stream().filter(o -> closedIn(o, StageOutcome.LOST)).count()));

                    List<CurrencyTotal> sizes = new ArrayList<>();
                    group(deals, o -> closedIn(o, StageOutcome.WON), OpportunityRecord::currency).forEach((c, g) ->
                            sizes.add(new CurrencyTotal(c, g.size(), sum(g, SalesReportProperties::amount))));
                    sizes.sort(Comparator.comparing(CurrencyTotal::currency, TEXT));
                    assertThat(store.wonDealSizes(tenant, PERIOD)).containsExactlyElementsOf(sizes);

                    List<OpportunityRecord> won = deals.stream().filter(o -> closedIn(o, StageOutcome.WON)).toList();
                    assertThat(store.salesCycle(tenant, PERIOD)).isEqualTo(new SalesCycle(won.size(), won.stream()
                            .mapToLong(o -> Duration.between(o.createdAt(), o.closedAt()).getSeconds()).sum()));

                    List<PipelineCell> cells = new ArrayList<>();
                    group(deals, o -> o.status() == StageOutcome.OPEN && o.pipelineId().equals(PIPELINE),
                            o -> Arrays.asList(o.stageKey(), o.ownerId(), o.currency())).forEach((k, g) -> cells.add(
                                    new PipelineCell(g.get(0).stageKey(), g.get(0).ownerId(), g.get(0).currency(),
                                            g.size(), sum(g, SalesReportProperties::amount), sum(g, o -> amount(o)
                                                    .multiply(BigDecimal.valueOf(o.probability(), 2))))));
                    cells.sort(Comparator.comparing(PipelineCell::stageKey).thenComparing(PipelineCell::ownerId, ID)
                            .thenComparing(PipelineCell::currency, TEXT));
                    assertThat(store.openPipeline(tenant, PIPELINE)).containsExactlyElementsOf(cells);

                    List<RepResult> reps = new ArrayList<>();
                    group(deals, o -> closedIn(o, StageOutcome.WON) && o.ownerId() != null,
                            o -> Arrays.asList(o.ownerId(), o.currency())).forEach((k, g) -> reps.add(new RepResult(
                                    g.get(0).ownerId(), g.get(0).currency(), g.size(),
                                    sum(g, SalesReportProperties::amount))));
                    reps.sort(Comparator.comparing(RepResult::wonAmount, Comparator.reverseOrder())
                            .thenComparing(RepResult::currency, TEXT).thenComparing(RepResult::ownerId, ID));
                    assertThat(store.leaderboard(tenant, PERIOD)).containsExactlyElementsOf(reps);

                    List<LeadSourceResult> sources = new ArrayList<>();
                    group(deals, o -> o.status() != StageOutcome.OPEN && PERIOD.contains(o.closedAt()),
                            o -> Arrays.asList(o.leadSource(), o.currency())).forEach((k, g) -> {
                                List<OpportunityRecord> w = g.stream().filter(o -> o.status() == StageOutcome.WON)
                                        .toList();
                                List<OpportunityRecord> l = g.stream().filter(o -> o.status() == StageOutcome.LOST)
                                        .toList();
                                sources.add(new LeadSourceResult(g.get(0).leadSource(), g.get(0).currency(), w.size(),
                                        sum(w, SalesReportProperties::amount), l.size(),
                                        sum(l, SalesReportProperties::amount)));
                            });
                    sources.sort(Comparator.comparing(LeadSourceResult::leadSource, TEXT)
                            .thenComparing(LeadSourceResult::currency, TEXT));
                    assertThat(store.byLeadSource(tenant, PERIOD)).containsExactlyElementsOf(sources);
                });
    }
}
