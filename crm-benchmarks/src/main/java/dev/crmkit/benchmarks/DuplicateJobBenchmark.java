package dev.crmkit.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.core.Crm;
import dev.crmkit.core.customer.CustomerModule;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.DuplicateJobProgress;
import dev.crmkit.core.customer.DuplicatePolicy;
import dev.crmkit.core.customer.ImportReport;
import dev.crmkit.core.customer.MatchSettings;
import dev.crmkit.core.customer.NewContactPoint;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.customfield.CustomFieldService;
import dev.crmkit.core.customfield.DefineCustomField;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.customer.PostalAddress;
import dev.crmkit.model.customfield.CustomFieldType;
import dev.crmkit.model.customfield.CustomFieldValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The bulk duplicate job ({@code CustomerService.runDuplicateJob}) over N customers: seeds N people through CRMKit's
 * own import (so the rows, match keys included, are exactly those registration writes), of which every tenth is a
 * copy of the person five before it as data entry makes one (a typo in the given name, no date of birth, an e-mail of
 * its own, the same address), then times one run of the job from the start to the end of its walk.
 *
 * <p>The seeding imports with both thresholds at 1.0, so the import queues no pairs and skips no copy (a copy scores
 * about 0.96); the job runs with the default thresholds (0.9 and 0.7) and the date of birth declared. Before the job,
 * PostgreSQL's tables are vacuumed and analyzed, as autovacuum would on a server (this machine runs it off), and
 * MariaDB's and H2's analyzed.
 */
final class DuplicateJobBenchmark {
    private static final String TENANT = "dupjob";
    private static final String BORN = "date_of_birth";
    private static final String[] STREETS = {"Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schulstraße", "Lindenallee",
        "Kirchgasse", "Bergstraße", "Am Markt", "Rosenweg", "Waldstraße", "Mühlenweg", "Feldstraße", "Ringstraße",
        "Parkstraße", "Talweg", "Birkenweg", "Amselweg", "Uferstraße", "Schillerstraße", "Goethestraße"};
    private static final String[] CITIES = {"Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart",
        "Düsseldorf", "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg"};

    private final Backend backend;
    private final HikariDataSource dataSource;
    private final JdbcStorage storage;

    DuplicateJobBenchmark(Backend backend, HikariDataSource dataSource, JdbcStorage storage) {
        this.backend = backend;
        this.dataSource = dataSource;
        this.storage = storage;
    }

    /**
     * The outcome.
     *
     * @param customers customers seeded
     * @param planted copies planted, each one true pair
     * @param seedSeconds the seeding's time
     * @param jobSeconds the job's time
     * @param blocks blocks the job compared
     * @param pairsFound pairs it entered (once per block)
     * @param queued pairs in the queue afterwards
     * @param plantedQueued planted pairs among them
     */
    record Result(int customers, int planted, double seedSeconds, double jobSeconds, long blocks, long pairsFound,
            long queued, long plantedQueued) {
    }

    Result run(int customers) throws SQLException {
        Crm seeding = crm(MatchSettings.defaults().withDateOfBirthField(BORN).withThresholds(1.0, 1.0));
        seeding.tenant(TENANT).service(CustomFieldService.class)
                .define(DefineCustomField.optional(BORN, "Date of birth", CustomFieldType.DATE));
        long start = System.nanoTime();
        ImportReport report = seeding.tenant(TENANT).service(CustomerService.class).importCustomers(
                IntStream.range(0, customers).mapToObj(DuplicateJobBenchmark::person).iterator(),
                soFar -> {
                    if (soFar.imported() % 100_000 == 0) {
                        System.out.printf(Locale.ROOT, "  seeded %,d customers in %.0f s%n", soFar.imported(),
                                (System.nanoTime() - start) / 1e9);
                    }
                });
        if (!report.errors().isEmpty()) {
            throw new IllegalStateException("the seeding rejected rows: " + report.errors().get(0));
        }
        double seedSeconds = (System.nanoTime() - start) / 1e9;
        analyze();
        CustomerService job = crm(MatchSettings.defaults().withDateOfBirthField(BORN)).tenant(TENANT)
                .service(CustomerService.class);
        long began = System.nanoTime();
        long[] batches = {0};
        DuplicateJobProgress done = job.runDuplicateJob(progress -> {
            if (++batches[0] % 100 == 0) {
                System.out.printf(Locale.ROOT, "  job: %s, %,d blocks, %,d pairs, %.0f s%n", progress.phase(),
                        progress.blocksDone(), progress.pairsFound(), (System.nanoTime() - began) / 1e9);
            }
            return true;
        });
        double jobSeconds = (System.nanoTime() - began) / 1e9;
        if (!done.finished()) {
            throw new IllegalStateException("the job did not finish");
        }
        long[] queued = queued();
        return new Result(customers, customers / 10, seedSeconds, jobSeconds, done.blocksDone(), done.pairsFound(),
                queued[0], queued[1]);
    }

    private Crm crm(MatchSettings matching) {
        return Crm.builder().storage(storage).defaultPhoneRegion("DE")
                .module(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.ALLOW).importBatchSize(1000)
                        .matching(matching).build())
                .build();
    }

    /** Person {@code i}, or, for every tenth, a copy of person {@code i - 5} as data entry makes one. */
    static RegisterPerson person(int i) {
        boolean copy = i % 10 == 9;
        int p = copy ? i - 5 : i;
        String given = GeneratedLeads.givenName(p / 7 + p);
        PostalAddress address = new PostalAddress(STREETS[(p / 3) % STREETS.length] + " " + (1 + p % 197),
                CITIES[p % CITIES.length], null, String.format(Locale.ROOT, "%05d", 10_000 + (p * 37) % 89_000),
                "DE");
        RegisterPerson person = RegisterPerson.named(copy ? typo(given) : given, GeneratedLeads.familyName(p))
                .withExternalRef("p-" + i)
                .withEmail("person" + i + "@example.com")
                .withContactPoint(NewContactPoint.postal(address));
        if (copy) {
            return person;
        }
        return person.withPhone("+4930" + (10_000_000 + i))
                .withCustomField(BORN, new CustomFieldValue.Date(LocalDate.of(1940, 1, 1).plusDays((p * 7919L) % 23_000)));
    }

    /** Two letters after the first swapped: Greta becomes Gerta. */
    private static String typo(String name) {
        return name.charAt(0) + "" + name.charAt(2) + name.charAt(1) + name.substring(3);
    }

    private void analyze() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"crm_customer", "crm_contact_point", "crm_customer_field",
                "crm_match_key", "crm_duplicate_pair", "crm_customer_tag"}) {
                switch (backend) {
                    case POSTGRES -> s.execute("VACUUM ANALYZE " + table);
                    case MARIADB -> s.execute("ANALYZE TABLE " + table);
                    case H2 -> s.execute("ANALYZE TABLE " + table);
                }
            }
        }
    }

    /** Pairs in the queue, and how many of them are a planted copy with its original. */
    private long[] queued() throws SQLException {
        long all = 0;
        long planted = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT a.external_ref AS first_ref, b.external_ref AS second_ref FROM crm_duplicate_pair p"
                        + " JOIN crm_customer a ON a.tenant_id = p.tenant_id AND a.id = p.first_customer_id"
                        + " JOIN crm_customer b ON b.tenant_id = p.tenant_id AND b.id = p.second_customer_id"
                        + " WHERE p.tenant_id = ?")) {
            s.setString(1, TENANT);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    all++;
                    int x = Integer.parseInt(rows.getString(1).substring(2));
                    int y = Integer.parseInt(rows.getString(2).substring(2));
                    int copy = Math.max(x, y);
                    if (copy % 10 == 9 && Math.min(x, y) == copy - 5) {
                        planted++;
                    }
                }
            }
        }
        return new long[] {all, planted};
    }
}
