package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ForecastBucket;
import dev.crmkit.model.opportunity.ForecastBuckets;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.ForecastCell;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code SalesReportQueries.forecastCells}: the pipeline forecast's figures per bucket, owner, category and currency,
 * against results computed by hand and, over generated deals, against the reference meaning
 * ({@link ForecastBuckets#indexOf}, {@link ForecastBuckets#categoryOf}).
 */
public abstract class PipelineForecastContract extends ContractSupport {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** January, February and March 2026 in Berlin: each month starts at 23:00 or 22:00 UTC the day before. */
    private static final ForecastBuckets MONTHS = months(LocalDate.of(2026, 1, 1), 3);

    private final UUID pipeline = UUID.randomUUID();
    private final UUID ana = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private final UUID bo = UUID.fromString("00000000-0000-7000-8000-00000000000b");

    private static ForecastBuckets months(LocalDate first, int count) {
        List<ForecastBucket> buckets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate start = first.plusMonths(i);
            LocalDate end = start.plusMonths(1);
            buckets.add(new ForecastBucket(start.atStartOfDay(BERLIN).toInstant(), end.atStartOfDay(BERLIN).toInstant(),
                    start, end));
        }
        return ForecastBuckets.of(buckets);
    }

    private static OpportunityRecord deal(String tenant, UUID pipeline, StageOutcome status, ForecastCategory category,
            String amount, String currency, int probability, UUID owner, Instant closedAt, LocalDate expected) {
        String stage = switch (status) {
            case OPEN -> "proposal";
            case WON -> "won";
            case LOST -> "lost";
        };
        return new OpportunityRecord(tenant, UUID.randomUUID(), 1, NOW, NOW, "Deal", UUID.randomUUID(), pipeline, stage,
                status, amount == null ? null : new BigDecimal(amount), currency, probability, category, expected,
                owner, List.of(), Set.of(), Set.of(), null, null, NOW, closedAt, null);
    }

    private OpportunityRecord won(String amount, String currency, int probability, UUID owner, String closedAt) {
        return deal(TENANT, pipeline, StageOutcome.WON, ForecastCategory.CLOSED, amount, currency, probability, owner,
                Instant.parse(closedAt), null);
    }

    private OpportunityRecord open(ForecastCategory category, String amount, String currency, int probability,
            UUID owner, LocalDate expected) {
        return deal(TENANT, pipeline, StageOutcome.OPEN, category, amount, currency, probability, owner, null,
                expected);
    }

    private static ForecastCell cell(int bucket, UUID owner, ForecastCategory category, String currency, long count,
            String amount, String weighted) {
        return new ForecastCell(bucket, owner, category, currency, count, new BigDecimal(amount),
                new BigDecimal(weighted));
    }

    @Test
    void cells_group_won_deals_by_close_instant_in_the_buckets_zone_and_open_deals_by_expected_close_day() {
        // given
        var deals = opportunities();
        deals.insert(won("1000", "EUR", 100, ana, "2026-01-31T23:30:00Z"));   // 00:30 on 1 February in Berlin
        deals.insert(won("500", "EUR", 100, ana, "2025-12-31T23:00:00Z"));    // midnight of 1 January: the first
        deals.insert(won("300", "USD", 100, bo, "2026-03-31T22:00:00Z"));     // midnight of 1 April: after the last
        deals.insert(won("80", "EUR", 60, bo, "2026-03-15T10:00:00Z"));       // won counts at 100 %
        deals.insert(deal(TENANT, pipeline, StageOutcome.LOST, ForecastCategory.OMITTED, "200", "EUR", 0, ana,
                Instant.parse("2026-01-15T10:00:00Z"), LocalDate.of(2026, 1, 15)));
        deals.insert(open(ForecastCategory.COMMIT, "400", "EUR", 75, ana, LocalDate.of(2026, 1, 20)));
        deals.insert(open(ForecastCategory.COMMIT, "100", "EUR", 50, ana, LocalDate.of(2026, 1, 31)));
        deals.insert(open(ForecastCategory.BEST_CASE, "250.5", "USD", 40, bo, LocalDate.of(2026, 3, 31)));
        deals.insert(open(ForecastCategory.PIPELINE, null, null, 10, null, LocalDate.of(2026, 2, 1)));
        deals.insert(open(ForecastCategory.OMITTED, "999", "EUR", 90, ana, LocalDate.of(2026, 2, 10)));
        deals.insert(open(ForecastCategory.PIPELINE, "50", "EUR", 10, ana, null));
        deals.insert(open(ForecastCategory.PIPELINE, "70", "EUR", 10, ana, LocalDate.of(2026, 4, 1)));
        deals.insert(open(ForecastCategory.PIPELINE, "60", "EUR", 10, ana, LocalDate.of(2025, 12, 31)));
        deals.insert(deal(OTHER_TENANT, pipeline, StageOutcome.WON, ForecastCategory.CLOSED, "7", "EUR", 100, ana,
                Instant.parse("2026-01-10T10:00:00Z"), null));

        // when
        List<ForecastCell> cells = deals.forecastCells(TENANT, MONTHS);

        // then
        assertThat(cells).containsExactly(
                cell(0, ana, ForecastCategory.COMMIT, "EUR", 2, "500", "350"),
                cell(0, ana, ForecastCategory.CLOSED, "EUR", 1, "500", "500"),
                cell(1, null, ForecastCategory.PIPELINE, null, 1, "0", "0"),
                cell(1, ana, ForecastCategory.CLOSED, "EUR", 1, "1000", "1000"),
                cell(2, bo, ForecastCategory.BEST_CASE, "USD", 1, "250.5", "100.2"),
                cell(2, bo, ForecastCategory.CLOSED, "EUR", 1, "80", "80"));
    }

    @Test
    void a_tenant_without_deals_in_the_buckets_gets_no_cells() {
        opportunities().insert(won("1000", "EUR", 100, ana, "2026-05-01T10:00:00Z"));

        assertThat(opportunities().forecastCells(TENANT, MONTHS)).isEmpty();
        assertThat(opportunities().forecastCells("nobody", MONTHS)).isEmpty();
    }

    @Test
    void a_single_bucket_holds_every_deal_in_its_range() {
        opportunities().insert(won("10", "EUR", 100, ana, "2026-01-01T10:00:00Z"));
        opportunities().insert(won("20", "EUR", 100, ana, "2026-01-31T10:00:00Z"));

        assertThat(opportunities().forecastCells(TENANT, months(LocalDate.of(2026, 1, 1), 1)))
                .containsExactly(cell(0, ana, ForecastCategory.CLOSED, "EUR", 2, "30", "30"));
    }

    @Test
    void buckets_must_follow_each_other_without_gap() {
        ForecastBucket january = MONTHS.buckets().get(0);
        ForecastBucket march = MONTHS.buckets().get(2);

        assertThatThrownBy(() -> ForecastBuckets.of(List.of(january, march)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("buckets"));
        assertThatThrownBy(() -> ForecastBuckets.of(List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("buckets"));
    }

    /** A deal from one number's digits: status, category, owner, currency, amount, probability, dates. */
    private static OpportunityRecord generated(String tenant, UUID pipeline, int shape) {
        UUID[] owners = {null, UUID.fromString("00000000-0000-7000-8000-000000000001"),
            UUID.fromString("00000000-0000-7000-8000-000000000002")};
        String[] currencies = {null, "EUR", "JPY"};
        StageOutcome status = StageOutcome.values()[shape % 3];
        ForecastCategory category = ForecastCategory.values()[shape / 3 % 5];
        String currency = currencies[shape / 15 % 3];
        String amount = currency == null ? null : BigDecimal.valueOf(shape % 100_000, 2).toPlainString();
        UUID owner = owners[shape / 45 % 3];
        int probability = shape / 135 % 101;
        // from 10 days before January to 10 days after March, by the hour (instants) and by the day (dates)
        Instant closedAt = Instant.parse("2025-12-22T00:00:00Z").plus(Duration.ofHours(shape / 7 % (110 * 24)));
        LocalDate expected = shape / 11 % 10 == 0 ? null : LocalDate.of(2025, 12, 22).plusDays(shape / 13 % 110);
        return deal(tenant, pipeline, status, category, amount, currency, probability, owner,
                status == StageOutcome.OPEN ? null : closedAt, expected);
    }

    @Test
    void cells_equal_the_reference_meaning_over_generated_deals() {
        Comparator<ForecastCell> order = Comparator.comparingInt(ForecastCell::bucket)
                .thenComparing(ForecastCell::ownerId, Comparator.nullsFirst(Ids.ORDER))
                .thenComparing(ForecastCell::category)
                .thenComparing(ForecastCell::currency, Comparator.nullsFirst(Comparator.naturalOrder()));
        qt().withExamples(30).withShrinkCycles(20)
                .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 25))
                .checkAssert(shapes -> {
                    String tenant = CustomerFixtures.freshTenant();
                    Map<List<Object>, ForecastCell> expected = new LinkedHashMap<>();
                    for (int shape : shapes) {
                        OpportunityRecord o = opportunities().insert(generated(tenant, pipeline, shape));
                        int bucket = MONTHS.indexOf(o.status(), o.forecastCategory(), o.closedAt(),
                                o.expectedCloseDate());
                        if (bucket < 0) {
                            continue;
                        }
                        ForecastCategory category = ForecastBuckets.categoryOf(o.status(), o.forecastCategory());
                        BigDecimal amount = o.amount() == null ? BigDecimal.ZERO : o.amount();
                        int weight = o.status() == StageOutcome.WON ? 100 : o.probability();
                        ForecastCell one = new ForecastCell(bucket, o.ownerId(), category, o.currency(), 1, amount,
                                amount.multiply(BigDecimal.valueOf(weight, 2)));
                        expected.merge(Arrays.asList(bucket, o.ownerId(), category, o.currency()), one,
                                (a, b) -> new ForecastCell(a.bucket(), a.ownerId(), a.category(), a.currency(),
                                        a.count() + 1, a.amount().add(b.amount()),
                                        a.weightedAmount().add(b.weightedAmount())));
                    }
                    List<ForecastCell> cells = new ArrayList<>(expected.values());
                    cells.sort(order);

                    assertThat(opportunities().forecastCells(tenant, MONTHS)).containsExactlyElementsOf(cells);
                });
    }
}
