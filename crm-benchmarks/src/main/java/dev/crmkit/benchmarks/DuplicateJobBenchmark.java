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
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The bulk duplicate job ({@code CustomerService.runDuplicateJob}) over N customers: seeds N people through CRMKit's
 * own import (so the rows, match keys included, are exactly those registration writes), of which every tenth is a
 * copy of the person five before it as data entry makes one (a typo in the given name, no date of birth, an e-mail of
 * its own, the same address), then times one run of the job from the start to the end of its walk.
 *
 * <p>With a base {@code B} smaller than N (PostgreSQL only), B customers are imported and then copied N / B - 1
 * times within the tenant by SQL ({@code INSERT ... SELECT}): new ids, and each copy's match keys, name keys,
 * e-mails, phones and external references made its own by a copy suffix, so each copy is a separate set of customers
 * with the blocks of the base (its customers meet each other, never another copy's), at a fraction of the import's
 * time. The job does not know the difference: it reads the stored keys and compares the stored profiles.
 *
 * <p>The seeding imports with both thresholds at 1.0, so the import queues no pairs and skips no copy (a copy scores
 * about 0.96); the job runs with the default thresholds (0.9 and 0.7) and the date of birth declared. Before the job,
 * PostgreSQL's tables are vacuumed and analyzed, as autovacuum would on a server (this machine runs it off), and
 * MariaDB's and H2's analyzed.
 */
final class DuplicateJobBenchmark {
    private static final String TENANT = "dupjob";
    private static final String BORN = "date_of_birth";
    /** Street names are a stem and a kind: 360 names, each in every city (14,400 streets, about 70 people each). */
    private static final String[] STREET_STEMS = {"Haupt", "Bahnhof", "Garten", "Schul", "Linden", "Kirch", "Berg",
        "Markt", "Rosen", "Wald", "Mühlen", "Feld", "Ring", "Park", "Tal", "Birken", "Amsel", "Ufer", "Schiller",
        "Goethe", "Eichen", "Buchen", "Tannen", "Ahorn", "Erlen", "Weiden", "Kastanien", "Flieder", "Tulpen", "Nelken",
        "Lerchen", "Finken", "Meisen", "Drossel", "Falken", "Adler", "Schwalben", "Sonnen", "Mond", "Stern", "Brunnen",
        "Kloster", "Burg", "Schloss", "Hafen", "Brücken", "Wiesen", "Acker", "Heide", "Moor", "Rhein", "Main", "Elb",
        "Donau", "Weser", "Lessing", "Heine", "Kant", "Mozart", "Bach"};
    private static final String[] STREET_KINDS = {"straße", "weg", "allee", "gasse", "ring", "platz"};
    private static final String[] CITIES = {"Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart",
        "Düsseldorf", "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg", "Duisburg",
        "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster", "Mannheim", "Karlsruhe", "Augsburg", "Wiesbaden",
        "Mönchengladbach", "Gelsenkirchen", "Aachen", "Braunschweig", "Kiel", "Chemnitz", "Halle", "Magdeburg",
        "Freiburg", "Krefeld", "Mainz", "Lübeck", "Erfurt", "Oberhausen", "Rostock", "Kassel"};
    /** Dates of birth are spread evenly over about 79 years (1930 to 2009), as a population's adults are. */
    private static final int BIRTH_DAYS = 29_000;

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

    Result run(int customers, int base) throws SQLException {
        if (base <= 0 || base > customers || customers % base != 0) {
            throw new IllegalArgumentException("--duplicate-job-base must divide --duplicate-job");
        }
        if (base < customers && backend != Backend.POSTGRES) {
            throw new IllegalArgumentException("copying the base is written for PostgreSQL only");
        }
        Crm seeding = crm(MatchSettings.defaults().withDateOfBirthField(BORN).withThresholds(1.0, 1.0));
        seeding.tenant(TENANT).service(CustomFieldService.class)
                .define(DefineCustomField.optional(BORN, "Date of birth", CustomFieldType.DATE));
        long start = System.nanoTime();
        ImportReport report = seeding.tenant(TENANT).service(CustomerService.class).importCustomers(
                IntStream.range(0, base).mapToObj(DuplicateJobBenchmark::person).iterator(),
                soFar -> {
                    long imported = soFar.imported();
                    if (imported == 2_000 || imported == 10_000 || imported == 50_000 || imported % 100_000 == 0) {
                        // as autoanalyze would as the tables grow (it is off on this machine): without statistics,
                        // PostgreSQL plans the import's key lookups as scans, and the seeding crawls (10,000 in 10
                        // minutes, seen on 2026-12-07)
                        analyzeQuietly();
                    }
                    if (imported % 100_000 == 0) {
                        System.out.printf(Locale.ROOT, "  seeded %,d customers in %.0f s%n", soFar.imported(),
                                (System.nanoTime() - start) / 1e9);
                    }
                });
        if (!report.errors().isEmpty()) {
            throw new IllegalStateException("the seeding rejected rows: " + report.errors().get(0));
        }
        for (int copy = 1; copy < customers / base; copy++) {
            copy(copy);
            System.out.printf(Locale.ROOT, "  copied the base %d times in %.0f s%n", copy,
                    (System.nanoTime() - start) / 1e9);
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

    /** One copy of the imported base, by SQL, with its own ids, keys, contact values and references. */
    private void copy(int copy) throws SQLException {
        String suffix = "'#" + copy + "'";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TEMP TABLE copy_ids ON COMMIT DROP AS SELECT id AS old_id, gen_random_uuid() AS new_id"
                    + " FROM crm_customer WHERE tenant_id = '" + TENANT + "' AND external_ref NOT LIKE '%#%'");
            s.execute("INSERT INTO crm_customer (tenant_id, id, version, created_at, updated_at, kind, display_name,"
                    + " given_name, family_name, organization_name, name_key, external_ref, lifecycle_stage,"
                    + " merged_into, owner_id) SELECT c.tenant_id, m.new_id, c.version, c.created_at, c.updated_at,"
                    + " c.kind, c.display_name, c.given_name, c.family_name, c.organization_name, c.name_key || "
                    + suffix + ", c.external_ref || " + suffix + ", c.lifecycle_stage, c.merged_into, c.owner_id"
                    + " FROM crm_customer c JOIN copy_ids m ON m.old_id = c.id WHERE c.tenant_id = '" + TENANT + "'");
            s.execute("INSERT INTO crm_contact_point (tenant_id, id, version, created_at, updated_at, customer_id,"
                    + " kind, label, contact_value, street, city, region, postal_code, country_code, is_primary)"
                    + " SELECT p.tenant_id, gen_random_uuid(), p.version, p.created_at, p.updated_at, m.new_id, p.kind,"
                    + " p.label, p.contact_value || " + suffix + ", p.street, p.city, p.region, p.postal_code,"
                    + " p.country_code, p.is_primary FROM crm_contact_point p JOIN copy_ids m ON m.old_id ="
                    + " p.customer_id WHERE p.tenant_id = '" + TENANT + "'");
            s.execute("INSERT INTO crm_customer_field (tenant_id, customer_id, field_key, field_type, text_value,"
                    + " number_value, date_value, boolean_value) SELECT f.tenant_id, m.new_id, f.field_key,"
                    + " f.field_type, f.text_value, f.number_value, f.date_value, f.boolean_value"
                    + " FROM crm_customer_field f JOIN copy_ids m ON m.old_id = f.customer_id"
                    + " WHERE f.tenant_id = '" + TENANT + "'");
            s.execute("INSERT INTO crm_match_key (tenant_id, match_key, customer_id) SELECT k.tenant_id,"
                    + " k.match_key || " + suffix + ", m.new_id FROM crm_match_key k JOIN copy_ids m ON m.old_id ="
                    + " k.customer_id WHERE k.tenant_id = '" + TENANT + "'");
            c.commit();
        }
    }

    private Crm crm(MatchSettings matching) {
        return Crm.builder().storage(storage).defaultPhoneRegion("DE")
                .module(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.ALLOW).importBatchSize(1000)
                        .matching(matching).build())
                .build();
    }

    /**
     * Person {@code i}, or, for every tenth, a copy of person {@code i - 5} as data entry makes one. A person's given
     * name, date of birth and address are drawn independently of each other from a generator seeded by the person's
     * number (so a copy draws its original's), as a population's are: two people who share a date of birth and a
     * given name share a street by chance only, about once in 14,400. (An earlier version derived every field from
     * the number by arithmetic, which tied them together: people born on the same day often had the same given name
     * and street, a coincidence no real population has by the hundred thousand.) The postcode is the street's
     * district's, so neighbours share it.
     */
    static RegisterPerson person(int i) {
        boolean copy = i % 10 == 9;
        int p = copy ? i - 5 : i;
        SplittableRandom random = new SplittableRandom(p);
        String given = GeneratedLeads.givenName(random.nextInt(1 << 20));
        int city = random.nextInt(CITIES.length);
        int stem = random.nextInt(STREET_STEMS.length);
        int kind = random.nextInt(STREET_KINDS.length);
        int number = 1 + random.nextInt(150);
        LocalDate born = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(BIRTH_DAYS));
        String postcode = String.format(Locale.ROOT, "%05d", 10_000 + city * 2_000 + ((stem * 7 + kind) % 40) * 50);
        PostalAddress address = new PostalAddress(STREET_STEMS[stem] + STREET_KINDS[kind] + " " + number,
                CITIES[city], null, postcode, "DE");
        RegisterPerson person = RegisterPerson.named(copy ? typo(given) : given, GeneratedLeads.familyName(p))
                .withExternalRef("p-" + i)
                .withEmail("person" + i + "@example.com")
                .withContactPoint(NewContactPoint.postal(address));
        if (copy) {
            return person;
        }
        return person.withPhone("+4930" + (10_000_000 + i)).withCustomField(BORN, new CustomFieldValue.Date(born));
    }

    /** Two letters after the first swapped: Greta becomes Gerta. */
    private static String typo(String name) {
        return name.charAt(0) + "" + name.charAt(2) + name.charAt(1) + name.substring(3);
    }

    private void analyzeQuietly() {
        try {
            analyze();
        } catch (SQLException e) {
            throw new IllegalStateException("analyzing the seeded tables failed", e);
        }
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
                    String[] first = rows.getString(1).substring(2).split("#");
                    String[] second = rows.getString(2).substring(2).split("#");
                    if (!java.util.Arrays.equals(java.util.Arrays.copyOfRange(first, 1, first.length),
                            java.util.Arrays.copyOfRange(second, 1, second.length))) {
                        continue;
                    }
                    int x = Integer.parseInt(first[0]);
                    int y = Integer.parseInt(second[0]);
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
