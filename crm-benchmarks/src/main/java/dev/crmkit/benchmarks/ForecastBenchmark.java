package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.forecast.FiscalCalendar;
import dev.crmkit.core.forecast.ForecastLine;
import dev.crmkit.core.forecast.ForecastModule;
import dev.crmkit.core.forecast.ForecastService;
import dev.crmkit.core.forecast.PeriodType;
import dev.crmkit.core.forecast.PipelineForecast;
import dev.crmkit.core.port.ExchangeRate;
import dev.crmkit.core.port.FixedExchangeRates;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.team.TeamRole;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * (f) The pipeline forecast over many deals: CRMKit's {@link ForecastService#pipeline} (24 fiscal months, owners,
 * teams, categories, three currencies converted into EUR) against the raw GROUP BY statement that does the
 * database's part of the same work, mapped to rows, alternating contender by contender in one run.
 */
final class ForecastBenchmark {
    static final String TENANT = "bench-forecast";
    static final int OWNERS = 20;
    static final int MONTHS = 24;
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final Backend backend;
    private final DataSource dataSource;
    private final JdbcStorage storage;

    ForecastBenchmark(Backend backend, DataSource dataSource, JdbcStorage storage) {
        this.backend = backend;
        this.dataSource = dataSource;
        this.storage = storage;
    }

    /** The outcome: medians of both contenders, in milliseconds. */
    record Result(long deals, int rounds, double crmkitMedianMillis, double rawMedianMillis) {
        double ratio() {
            return crmkitMedianMillis / rawMedianMillis;
        }
    }

    Result run(long deals, int warmup, int rounds) throws SQLException {
        Crm crm = Crm.builder().storage(storage)
                .module(ForecastModule.builder().calendar(FiscalCalendar.calendarYear(ZONE))
                        .exchangeRates(FixedExchangeRates.of(List.of(
                                ExchangeRate.of("USD", "EUR", LocalDate.of(2020, 1, 1), "0.91"),
                                ExchangeRate.of("GBP", "EUR", LocalDate.of(2020, 1, 1), "1.17")))).build())
                .build();
        List<UUID> owners = team(crm.tenant(TENANT).service(TeamService.class));
        seed(deals, owners);
        ForecastService forecasts = crm.tenant(TENANT).service(ForecastService.class);
        Timing crmkit = new Timing(rounds);
        Timing raw = new Timing(rounds);
        for (int i = 0; i < warmup + rounds; i++) {
            boolean crmkitFirst = i % 2 == 0;
            List<RawCell> cells = null;
            long rawNanos = 0;
            if (!crmkitFirst) {
                long r0 = System.nanoTime();
                cells = rawCells();
                rawNanos = System.nanoTime() - r0;
            }
            long t0 = System.nanoTime();
            PipelineForecast forecast = forecasts.pipeline(PeriodType.MONTH, FIRST_DAY, MONTHS, "EUR");
            long crmkitNanos = System.nanoTime() - t0;
            if (crmkitFirst) {
                long r0 = System.nanoTime();
                cells = rawCells();
                rawNanos = System.nanoTime() - r0;
            }
            long rawDeals = cells.stream().mapToLong(RawCell::count).sum();
            long crmkitDeals = forecast.totals().stream().mapToLong(ForecastLine::deals).sum();
            if (rawDeals != crmkitDeals || rawDeals == 0) {
                throw new IllegalStateException("CRMKit counted " + crmkitDeals + " deals, the raw query " + rawDeals);
            }
            if (i >= warmup) {
                crmkit.add(crmkitNanos);
                raw.add(rawNanos);
            }
        }
        return new Result(deals, rounds, crmkit.medianMicros() / 1000, raw.medianMicros() / 1000);
    }

    /** Twenty reps in a hierarchy: one head of sales, three managers under them, the rest under the managers. */
    private static List<UUID> team(TeamService team) {
        List<UUID> members = new ArrayList<>();
        UUID head = team.add(MemberDetails.of("head-0", "Head", TeamRole.SALES_MANAGER)).id();
        members.add(head);
        for (int i = 1; i < OWNERS; i++) {
            UUID manager = i <= 3 ? head : members.get(1 + i % 3);
            members.add(team.add(MemberDetails.of("rep-" + i, "Rep " + i, i <= 3 ? TeamRole.SALES_MANAGER
                    : TeamRole.SALES_REP).withManager(manager)).id());
        }
        return members;
    }

    /**
     * Deals by number g: 30 % won (closed over 2025 and 2026 by the hour), 10 % lost, 60 % open (expected over the
     * same two years by the day, every twentieth without date; categories pipeline, best case, commit, omitted in
     * turn); EUR, USD and GBP; owners in turn.
     */
    private void seed(long deals, List<UUID> owners) throws SQLException {
        long started = System.nanoTime();
        String ownerArray = owners.stream().map(o -> "'" + o + "'").collect(Collectors.joining(","));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (backend == Backend.POSTGRES) {
                s.execute("INSERT INTO crm_opportunity (tenant_id, id, version, created_at, updated_at, name,"
                        + " customer_id, pipeline_id, stage_key, status, amount, currency, probability,"
                        + " forecast_category, expected_close_date, owner_id, stage_entered_at, closed_at)"
                        + " SELECT '" + TENANT + "', gen_random_uuid(), 1, now(), now(), 'Deal ' || g,"
                        + " md5('c' || (g % 10000))::uuid, md5('pipeline')::uuid,"
                        + " CASE WHEN g % 10 < 3 THEN 'won' WHEN g % 10 = 3 THEN 'lost' ELSE 'proposal' END,"
                        + " CASE WHEN g % 10 < 3 THEN 'WON' WHEN g % 10 = 3 THEN 'LOST' ELSE 'OPEN' END,"
                        + " 100 + (g % 100000) / 100.0, (ARRAY['EUR','USD','GBP'])[g % 3 + 1],"
                        + " CASE WHEN g % 10 < 3 THEN 100 WHEN g % 10 = 3 THEN 0 ELSE (g % 9 + 1) * 10 END,"
                        + " CASE WHEN g % 10 < 3 THEN 'CLOSED' WHEN g % 10 = 3 THEN 'OMITTED'"
                        + " ELSE (ARRAY['PIPELINE','BEST_CASE','COMMIT','OMITTED'])[g / 10 % 4 + 1] END,"
                        + " CASE WHEN g % 10 > 3 AND g % 20 <> 19 THEN date '2025-01-01' + (g % 730) END,"
                        + " (ARRAY[" + ownerArray + "])[g % " + owners.size() + " + 1]::uuid, now(),"
                        + " CASE WHEN g % 10 <= 3 THEN timestamptz '2025-01-01 00:00:00+00' + (g % 17520) * interval '1 hour' END"
                        + " FROM generate_series(1, " + deals + ") AS g");
                s.execute("ANALYZE crm_opportunity");
            } else if (backend == Backend.MARIADB) {
                // MariaDB's sequence engine stands in for generate_series; ids are CHAR(36), instants UTC DATETIME(6)
                s.execute("INSERT INTO crm_opportunity (tenant_id, id, version, created_at, updated_at, name,"
                        + " customer_id, pipeline_id, stage_key, status, amount, currency, probability,"
                        + " forecast_category, expected_close_date, owner_id, stage_entered_at, closed_at)"
                        + " SELECT '" + TENANT + "', UUID(), 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), CONCAT('Deal ', seq),"
                        + " UUID(), UUID(),"
                        + " CASE WHEN seq % 10 < 3 THEN 'won' WHEN seq % 10 = 3 THEN 'lost' ELSE 'proposal' END,"
                        + " CASE WHEN seq % 10 < 3 THEN 'WON' WHEN seq % 10 = 3 THEN 'LOST' ELSE 'OPEN' END,"
                        + " 100 + (seq % 100000) / 100.0, ELT(seq % 3 + 1, 'EUR', 'USD', 'GBP'),"
                        + " CASE WHEN seq % 10 < 3 THEN 100 WHEN seq % 10 = 3 THEN 0 ELSE (seq % 9 + 1) * 10 END,"
                        + " CASE WHEN seq % 10 < 3 THEN 'CLOSED' WHEN seq % 10 = 3 THEN 'OMITTED'"
                        + " ELSE ELT(seq DIV 10 % 4 + 1, 'PIPELINE', 'BEST_CASE', 'COMMIT', 'OMITTED') END,"
                        + " CASE WHEN seq % 10 > 3 AND seq % 20 <> 19 THEN DATE '2025-01-01' + INTERVAL (seq % 730) DAY END,"
                        + " ELT(seq % " + owners.size() + " + 1, " + ownerArray + "), UTC_TIMESTAMP(6),"
                        + " CASE WHEN seq % 10 <= 3 THEN TIMESTAMP '2025-01-01 00:00:00' + INTERVAL (seq % 17520) HOUR END"
                        + " FROM seq_1_to_" + deals);
                s.execute("ANALYZE TABLE crm_opportunity");
            } else {
                s.execute("INSERT INTO crm_opportunity (tenant_id, id, version, created_at, updated_at, name,"
                        + " customer_id, pipeline_id, stage_key, status, amount, currency, probability,"
                        + " forecast_category, expected_close_date, owner_id, stage_entered_at, closed_at)"
                        + " SELECT '" + TENANT + "', RANDOM_UUID(), 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'Deal ' || X,"
                        + " RANDOM_UUID(), RANDOM_UUID(),"
                        + " CASE WHEN MOD(X, 10) < 3 THEN 'won' WHEN MOD(X, 10) = 3 THEN 'lost' ELSE 'proposal' END,"
                        + " CASE WHEN MOD(X, 10) < 3 THEN 'WON' WHEN MOD(X, 10) = 3 THEN 'LOST' ELSE 'OPEN' END,"
                        + " 100 + MOD(X, 100000) / 100.0, ARRAY_GET(ARRAY['EUR','USD','GBP'], MOD(X, 3) + 1),"
                        + " CASE WHEN MOD(X, 10) < 3 THEN 100 WHEN MOD(X, 10) = 3 THEN 0 ELSE (MOD(X, 9) + 1) * 10 END,"
                        + " CASE WHEN MOD(X, 10) < 3 THEN 'CLOSED' WHEN MOD(X, 10) = 3 THEN 'OMITTED'"
                        + " ELSE ARRAY_GET(ARRAY['PIPELINE','BEST_CASE','COMMIT','OMITTED'], MOD(X / 10, 4) + 1) END,"
                        + " CASE WHEN MOD(X, 10) > 3 AND MOD(X, 20) <> 19 THEN DATE '2025-01-01' + CAST(MOD(X, 730) AS INTEGER) END,"
                        + " CAST(ARRAY_GET(ARRAY[" + ownerArray + "], MOD(X, " + owners.size() + ") + 1) AS UUID),"
                        + " CURRENT_TIMESTAMP, CASE WHEN MOD(X, 10) <= 3 THEN TIMESTAMP WITH TIME ZONE"
                        + " '2025-01-01 00:00:00+00' + MOD(X, 17520) * INTERVAL '1' HOUR END"
                        + " FROM SYSTEM_RANGE(1, " + deals + ")");
            }
        }
        System.out.printf("  seeded %,d deals on %s in %.1f s%n", deals, backend, (System.nanoTime() - started) / 1e9);
    }

    /**
     * The start of a day in the zone as the adapter binds an instant: a UTC {@code DATETIME} value on MariaDB, a
     * timestamp with time zone elsewhere.
     */
    private Object instant(LocalDate day) {
        OffsetDateTime utc = day.atStartOfDay(ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        return backend == Backend.MARIADB ? utc.toLocalDateTime() : utc;
    }

    /** One row of the raw statement. */
    record RawCell(int bucket, UUID ownerId, String category, String currency, long count, BigDecimal amount,
            BigDecimal weighted) {
    }

    /**
     * The statement the JDBC adapter runs for the same buckets (the month ends in the zone as instants and days),
     * written out here, bound with plain JDBC and mapped to rows: the database's work without CRMKit around it.
     */
    private List<RawCell> rawCells() throws SQLException {
        StringBuilder closed = new StringBuilder("CASE");
        StringBuilder expected = new StringBuilder("CASE");
        for (int i = 0; i < MONTHS - 1; i++) {
            closed.append(" WHEN closed_at < ? THEN ").append(i);
            expected.append(" WHEN expected_close_date < ? THEN ").append(i);
        }
        closed.append(" ELSE ").append(MONTHS - 1).append(" END");
        expected.append(" ELSE ").append(MONTHS - 1).append(" END");
        String sql = "SELECT bucket, owner_id, category, currency, COUNT(*) AS deals, COALESCE(SUM(amount), 0) AS total,"
                + " COALESCE(SUM(amount * weight), 0) AS weighted FROM (SELECT CASE WHEN status = 'WON' THEN "
                + closed + " ELSE " + expected + " END AS bucket, owner_id,"
                + " CASE WHEN status = 'WON' THEN 'CLOSED' ELSE forecast_category END AS category, currency, amount,"
                + " CASE WHEN status = 'WON' THEN 100 ELSE probability END AS weight FROM crm_opportunity"
                + " WHERE tenant_id = ? AND ((status = 'WON' AND closed_at >= ? AND closed_at < ?)"
                + " OR (status = 'OPEN' AND forecast_category <> 'OMITTED' AND expected_close_date >= ?"
                + " AND expected_close_date < ?))) f GROUP BY bucket, owner_id, category, currency";
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            int n = 1;
            for (int i = 1; i < MONTHS; i++) {
                p.setObject(n++, instant(FIRST_DAY.plusMonths(i)));
            }
            for (int i = 1; i < MONTHS; i++) {
                p.setObject(n++, FIRST_DAY.plusMonths(i));
            }
            p.setString(n++, TENANT);
            p.setObject(n++, instant(FIRST_DAY));
            p.setObject(n++, instant(FIRST_DAY.plusMonths(MONTHS)));
            p.setObject(n++, FIRST_DAY);
            p.setObject(n, FIRST_DAY.plusMonths(MONTHS));
            List<RawCell> cells = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    cells.add(new RawCell(r.getInt(1), UUID.fromString(r.getString(2)), r.getString(3), r.getString(4),
                            r.getLong(5), r.getBigDecimal(6), r.getBigDecimal(7)));
                }
            }
            return cells;
        }
    }
}
