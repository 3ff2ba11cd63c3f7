package dev.crmkit.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.jdbc.JdbcStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every CRMKit benchmark against raw JDBC doing the same work, in one process, on H2 and PostgreSQL, and
 * prints the ratios {@code docs/performance.md} records.
 *
 * <pre>
 * mvn -q -pl crm-benchmarks -am compile exec:java -Dexec.args="--backends=h2,postgres --import=20000 --timeline=1000000 --leads=20000"
 * </pre>
 *
 * {@code --single=N} also measures N single captures ({@code LeadService.capture}, one call and one transaction per
 * lead) against raw JDBC writing the same rows one transaction per lead; it is off (0) by default.
 * {@code --forecast=N} measures the pipeline forecast over N deals against the raw GROUP BY statement
 * ({@code --forecast-rounds=R} measured rounds per contender, default 10); it is off (0) by default.
 * {@code --accruals=N} measures N points accruals ({@code LoyaltyService.post}, one call and one transaction each)
 * against raw JDBC writing the same ledger row, membership update and outbox row, once on
 * {@code --hot-accounts=K} hot accounts (default 4) and once on N cold accounts; it is off (0) by default.
 * {@code --tickets=N} measures opening N tickets under an SLA policy and routing each to a service agent
 * ({@code TicketService.open} and {@code TicketRouting.route}, one call each) against raw JDBC writing the same rows in
 * the same two transactions per ticket; it is off (0) by default.
 * {@code --duplicate-job=N} seeds N customers through the import (a tenth of them copies of another) and times one run
 * of the bulk duplicate job ({@code CustomerService.runDuplicateJob}) over them; it is off (0) by default and has no
 * raw contender: its aim is a time (1,000,000 customers on PostgreSQL in at most 10 minutes). With
 * {@code --duplicate-job-base=B} (PostgreSQL only) B customers are imported and copied by SQL up to N.
 *
 * <p>PostgreSQL is reached at {@code CRMKIT_BENCH_POSTGRES_URL} and MariaDB at {@code CRMKIT_BENCH_MARIADB_URL}
 * (default for both: database {@code crm_bench} on localhost); the benchmark drops and recreates the {@code crm_}
 * tables there. MariaDB ({@code --backends=mariadb}) is measured only when named; the timeline benchmark does not run
 * on it (its seeding is written for H2 and PostgreSQL).
 */
public final class BenchmarkSuite {
    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<String> report = new ArrayList<>();
        for (Backend backend : options.backends()) {
            System.out.println("== " + backend);
            try (HikariDataSource dataSource = backend.open()) {
                JdbcStorage storage = JdbcStorage.builder().dataSource(dataSource).migrate(true).build();
                if (options.importRows() > 0) {
                    ImportBenchmark.Result r = new ImportBenchmark(dataSource, storage).run(options.importRows());
                    report.add(String.format(Locale.ROOT,
                            "%-8s import %,d customers (%.1f rows each): CRMKit %,.0f customers/s, raw JDBC same rows"
                                    + " %,.0f customers/s, ratio %.2f%s",
                            backend, r.customers(), r.rowsPerCustomer(), r.crmkitPerSecond(), r.rawPerSecond(),
                            r.ratio(), cpuNote(backend, r.rawCpuMicros() / r.crmkitCpuMicros())));
                    System.out.println(report.get(report.size() - 1));
                    System.out.printf(Locale.ROOT, "  client CPU per customer: CRMKit %.0f us, raw JDBC %.0f us%n",
                            r.crmkitCpuMicros(), r.rawCpuMicros());
                    System.out.println("  CRMKit per batch of " + ImportBenchmark.BATCH + ": " + r.crmkitPerBatch());
                }
                if (options.leads() > 0) {
                    LeadCaptureBenchmark.Result r = new LeadCaptureBenchmark(dataSource, storage).run(options.leads());
                    report.add(String.format(Locale.ROOT,
                            "%-8s capture %,d leads (%,d merged): CRMKit %,.0f rows/s, raw JDBC same rows %,.0f rows/s,"
                                    + " ratio %.3f; raw lead rows only %,.0f rows/s, ratio %.3f",
                            backend, r.leads(), r.merged(), r.crmkitPerSecond(), r.rawPerSecond(), r.ratio(),
                            r.rawLeadsOnlyPerSecond(), r.ratioToLeadRowsOnly()));
                    System.out.println(report.get(report.size() - 1));
                }
                if (options.single() > 0) {
                    LeadCaptureBenchmark.Result r = new LeadCaptureBenchmark(dataSource, storage)
                            .runSingle(options.single());
                    report.add(String.format(Locale.ROOT,
                            "%-8s capture %,d leads one call each (%,d merged): CRMKit %,.0f rows/s (%.0f us/lead),"
                                    + " raw JDBC same rows one transaction each %,.0f rows/s, ratio %.3f",
                            backend, r.leads(), r.merged(), r.crmkitPerSecond(), 1e6 / r.crmkitPerSecond(),
                            r.rawPerSecond(), r.ratio()));
                    System.out.println(report.get(report.size() - 1));
                }
                if (options.relayEvents() > 0) {
                    RelayBenchmark.Result r = new RelayBenchmark(dataSource, storage).run(options.relayEvents(),
                            options.relayTurns());
                    report.add(String.format(Locale.ROOT,
                            "%-8s relay %,d events to a no-op listener, median of %d turns: CRMKit %,.0f events/s,"
                                    + " raw JDBC %,.0f events/s, ratio %.2f",
                            backend, r.events(), r.turns(), r.crmkitPerSecond(), r.rawPerSecond(), r.ratio()));
                    System.out.println(report.get(report.size() - 1));
                }
                if (options.forecastDeals() > 0) {
                    ForecastBenchmark.Result r = new ForecastBenchmark(backend, dataSource, storage)
                            .run(options.forecastDeals(), 3, options.forecastRounds());
                    report.add(String.format(Locale.ROOT,
                            "%-8s pipeline forecast over %,d deals (24 months, median of %d): CRMKit %.1f ms,"
                                    + " raw GROUP BY %.1f ms, ratio %.3f",
                            backend, r.deals(), r.rounds(), r.crmkitMedianMillis(), r.rawMedianMillis(), r.ratio()));
                    System.out.println(report.get(report.size() - 1));
                }
                if (options.accruals() > 0) {
                    AccrualBenchmark accrual = new AccrualBenchmark(dataSource, storage);
                    for (AccrualBenchmark.Result r : List.of(
                            accrual.run("hot", options.accruals(), options.hotAccounts()),
                            accrual.run("cold", options.accruals(), options.accruals()))) {
                        report.add(String.format(Locale.ROOT,
                                "%-8s accrual %,d on %,d %s accounts, one call each: CRMKit %,.0f accruals/s,"
                                        + " raw JDBC same rows %,.0f accruals/s, ratio %.2f%s",
                                backend, r.accruals(), r.accounts(), r.shape(), r.crmkitPerSecond(),
                                r.rawPerSecond(), r.ratio(), cpuNote(backend, r.cpuRatio())));
                        System.out.println(report.get(report.size() - 1));
                        if (!r.crmkitRoundTrips().isEmpty()) {
                            System.out.println("  CRMKit " + r.crmkitRoundTrips());
                            System.out.println("  raw    " + r.rawRoundTrips());
                        }
                    }
                }
                if (options.tickets() > 0) {
                    TicketBenchmark.Result r = new TicketBenchmark(dataSource, storage).run(options.tickets());
                    report.add(String.format(Locale.ROOT,
                            "%-8s tickets %,d opened and routed (%d rows each), two calls each: CRMKit %,.0f tickets/s,"
                                    + " raw JDBC same rows %,.0f tickets/s, ratio %.2f%s",
                            backend, r.tickets(), r.rowsPerTicket(), r.crmkitPerSecond(), r.rawPerSecond(), r.ratio(),
                            cpuNote(backend, r.cpuRatio())));
                    System.out.println(report.get(report.size() - 1));
                }
                if (options.duplicateJob() > 0) {
                    DuplicateJobBenchmark.Result r = new DuplicateJobBenchmark(backend, dataSource, storage)
                            .run(options.duplicateJob(), options.duplicateJobBase() > 0 ? options.duplicateJobBase()
                                    : options.duplicateJob());
                    report.add(String.format(Locale.ROOT,
                            "%-8s duplicate job over %,d customers (%,d planted copies; seeded by the import in %.0f s):"
                                    + " %.1f s, %,d blocks, %,d pairs entered, %,d pairs queued, %,d planted pairs"
                                    + " among them (%.3f)",
                            backend, r.customers(), r.planted(), r.seedSeconds(), r.jobSeconds(), r.blocks(),
                            r.pairsFound(), r.queued(), r.plantedQueued(), (double) r.plantedQueued() / r.planted()));
                    System.out.println(report.get(report.size() - 1));
                }
                if (options.timelineRows() > 0 && backend != Backend.MARIADB) {
                    TimelineBenchmark timeline = new TimelineBenchmark(backend, dataSource, storage, options.timelineRows());
                    for (long size : new long[] {options.timelineRows(), options.timelineRows() * 10}) {
                        timeline.seedUpTo(size);
                        TimelineBenchmark.Result r = timeline.measure(options.warmup(), options.rounds());
                        report.add(String.format(Locale.ROOT,
                                "%-8s timeline page among %,d interactions: CRMKit %.1f us, raw %.1f us (p99 %.0f / %.0f), ratio %.2f",
                                backend, size, r.crmkitMedianMicros(), r.rawMedianMicros(), r.crmkitP99Micros(),
                                r.rawP99Micros(), r.ratio()));
                        System.out.println(report.get(report.size() - 1));
                    }
                }
            }
        }
        System.out.println();
        System.out.println("== summary");
        report.forEach(System.out::println);
    }

    /** Command-line options: which backends and how large. */
    record Options(List<Backend> backends, int importRows, long timelineRows, int warmup, int rounds, int leads,
            int relayEvents, int relayTurns, int single, long forecastDeals, int forecastRounds, int accruals,
            int hotAccounts, int tickets, int duplicateJob, int duplicateJobBase) {
        static Options parse(String[] args) {
            List<Backend> backends = List.of(Backend.H2, Backend.POSTGRES);
            int importRows = 20_000;
            long timelineRows = 1_000_000;
            int warmup = 20_000;
            int rounds = 50_000;
            int leads = 100_000;
            int relayEvents = 0;
            int relayTurns = 3;
            int single = 0;
            long forecastDeals = 0;
            int forecastRounds = 10;
            int accruals = 0;
            int hotAccounts = 4;
            int tickets = 0;
            int duplicateJob = 0;
            int duplicateJobBase = 0;
            for (String arg : args) {
                String[] kv = arg.replaceFirst("^--", "").split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("expected --name=value, got " + arg);
                }
                switch (kv[0]) {
                    case "backends" -> backends = java.util.Arrays.stream(kv[1].split(","))
                            .map(b -> b.trim().equalsIgnoreCase("postgres") ? Backend.POSTGRES : Backend.valueOf(b.trim().toUpperCase(Locale.ROOT)))
                            .toList();
                    case "import" -> importRows = Integer.parseInt(kv[1]);
                    case "timeline" -> timelineRows = Long.parseLong(kv[1]);
                    case "warmup" -> warmup = Integer.parseInt(kv[1]);
                    case "rounds" -> rounds = Integer.parseInt(kv[1]);
                    case "leads" -> leads = Integer.parseInt(kv[1]);
                    case "relay" -> relayEvents = Integer.parseInt(kv[1]);
                    case "relay-turns" -> relayTurns = Integer.parseInt(kv[1]);
                    case "single" -> single = Integer.parseInt(kv[1]);
                    case "forecast" -> forecastDeals = Long.parseLong(kv[1]);
                    case "forecast-rounds" -> forecastRounds = Integer.parseInt(kv[1]);
                    case "accruals" -> accruals = Integer.parseInt(kv[1]);
                    case "hot-accounts" -> hotAccounts = Integer.parseInt(kv[1]);
                    case "tickets" -> tickets = Integer.parseInt(kv[1]);
                    case "duplicate-job" -> duplicateJob = Integer.parseInt(kv[1]);
                    case "duplicate-job-base" -> duplicateJobBase = Integer.parseInt(kv[1]);
                    default -> throw new IllegalArgumentException("unknown option --" + kv[0]);
                }
            }
            return new Options(backends, importRows, timelineRows, warmup, rounds, leads, relayEvents, relayTurns,
                    single, forecastDeals, forecastRounds, accruals, hotAccounts, tickets, duplicateJob,
                    duplicateJobBase);
        }
    }

    /**
     * On embedded H2, the ratio of the calling thread's CPU time too: the database works in that thread, and other work
     * on the machine does not move it (garbage collection, in threads of its own, is left out).
     */
    private static String cpuNote(Backend backend, double cpuRatio) {
        return backend == Backend.H2 ? String.format(Locale.ROOT,
                " (CPU time of the calling thread, where H2 works too: ratio %.2f)", cpuRatio) : "";
    }
}
