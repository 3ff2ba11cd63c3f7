package dev.crmkit.benchmarks;

import dev.crmkit.jdbc.JdbcStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * (c) Lead capture: CRMKit's {@code LeadService.captureAll} of generated leads in batches of 500 (normalization,
 * de-duplication against open leads and customers with merges, scoring, first-contact due work, outbox events,
 * round-robin assignment) against raw batched JDBC, in batches of 500 submissions, one transaction per batch, in two
 * forms: inserting the same rows CRMKit writes (as the import benchmark's raw contender does): per new lead its
 * {@code crm_lead} row (all 40 columns, the values CRMKit stores), its first-contact {@code crm_due_work} row and
 * its two outbox rows (captured, assigned), per repeated submission the touch point on the earlier lead, its
 * outbox row and its idempotency key ({@code crm_idempotency_key}); and, as a second reference, the
 * {@code crm_lead} rows alone. The raw contenders know which submissions repeat, so all end with the same number of
 * lead rows; every rate counts submissions.
 */
final class LeadCaptureBenchmark {
    static final int BATCH = 500;
    private static final String CRMKIT = "leads-crmkit";
    private static final String RAW = "leads-raw";
    private static final String RAW_LEADS_ONLY = "leads-raw-only";

    private final DataSource dataSource;
    private final JdbcStorage storage;

    LeadCaptureBenchmark(DataSource dataSource, JdbcStorage storage) {
        this.dataSource = dataSource;
        this.storage = storage;
    }

    /** The outcome: submissions per second for each contender, and how many of the measured ones CRMKit merged. */
    record Result(int leads, int merged, double crmkitPerSecond, double rawPerSecond, double rawLeadsOnlyPerSecond) {
        /** CRMKit against raw JDBC writing the same rows: the measure the aim is set on. */
        double ratio() {
            return crmkitPerSecond / rawPerSecond;
        }

        /** CRMKit against raw JDBC writing the lead rows alone. */
        double ratioToLeadRowsOnly() {
            return crmkitPerSecond / rawLeadsOnlyPerSecond;
        }
    }

    /** The per-lead values of a CRMKit-stored lead that the raw contender copies: version, score, its factors. */
    private record StoredShape(long version, int score, String scoreFactors, boolean needsReview) {
    }

    Result run(int leads) throws SQLException {
        // As in the import benchmark: a warm-up of each contender in its own tenant, so both are measured with the
        // JIT warm and capture into a tenant that already holds leads; the measured leads are numbered after them.
        int warm = Math.min(leads, 5_000);
        CrmKitLeadCapture crmkit = new CrmKitLeadCapture(storage, CRMKIT);
        crmkit.addSalesReps();
        List<UUID> rawReps = new CrmKitLeadCapture(storage, RAW).addSalesReps();
        List<UUID> onlyReps = new CrmKitLeadCapture(storage, RAW_LEADS_ONLY).addSalesReps();
        crmkit.capture(0, warm);
        StoredShape shape = shapeOf(CRMKIT);
        rawCapture(RAW, 0, warm, rawReps, shape, true, BATCH);
        rawCapture(RAW_LEADS_ONLY, 0, warm, onlyReps, shape, false, BATCH);
        analyze();
        long t0 = System.nanoTime();
        rawCapture(RAW, warm, leads, rawReps, shape, true, BATCH);
        long t1 = System.nanoTime();
        int merged = crmkit.capture(warm, leads);
        long t2 = System.nanoTime();
        rawCapture(RAW_LEADS_ONLY, warm, leads, onlyReps, shape, false, BATCH);
        long t3 = System.nanoTime();
        verifySameLeadCount();
        return new Result(leads, merged, leads / ((t2 - t1) / 1e9), leads / ((t1 - t0) / 1e9),
                leads / ((t3 - t2) / 1e9));
    }

    /**
     * Single captures: CRMKit's {@code LeadService.capture}, one call and one transaction per submission, as a web
     * form posts leads, against raw JDBC writing the same rows one submission per transaction. Each contender first
     * captures {@code min(leads, 2000)} submissions into its own tenant (warm-up), as {@link #run} does.
     */
    Result runSingle(int leads) throws SQLException {
        int warm = Math.min(leads, 2_000);
        String crmkitTenant = CRMKIT + "-single";
        String rawTenant = RAW + "-single";
        CrmKitLeadCapture crmkit = new CrmKitLeadCapture(storage, crmkitTenant);
        crmkit.addSalesReps();
        List<UUID> rawReps = new CrmKitLeadCapture(storage, rawTenant).addSalesReps();
        crmkit.captureOneByOne(0, warm);
        StoredShape shape = shapeOf(crmkitTenant);
        rawCapture(rawTenant, 0, warm, rawReps, shape, true, 1);
        analyze();
        long t0 = System.nanoTime();
        rawCapture(rawTenant, warm, leads, rawReps, shape, true, 1);
        long t1 = System.nanoTime();
        int merged = crmkit.captureOneByOne(warm, leads);
        long t2 = System.nanoTime();
        long crmkitRows = count(crmkitTenant);
        if (count(rawTenant) != crmkitRows) {
            throw new IllegalStateException("crm_lead: raw wrote " + count(rawTenant) + " rows, CRMKit " + crmkitRows);
        }
        double crmkitRate = leads / ((t2 - t1) / 1e9);
        double rawRate = leads / ((t1 - t0) / 1e9);
        return new Result(leads, merged, crmkitRate, rawRate, Double.NaN);
    }

    /** The version, score and score factors of a lead CRMKit captured and assigned, not merged. */
    private StoredShape shapeOf(String tenant) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("SELECT version, score, score_factors, needs_review"
                        + " FROM crm_lead WHERE tenant_id = ? AND owner_id IS NOT NULL ORDER BY version, id")) {
            p.setString(1, tenant);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("CRMKit stored no assigned lead");
                }
                return new StoredShape(r.getLong(1), r.getInt(2), r.getString(3), r.getBoolean(4));
            }
        }
    }

    /** Planner statistics for PostgreSQL, as {@link ImportBenchmark} gives them and for the same reason. */
    private void analyze() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                for (String table : new String[] {"crm_lead", "crm_lead_rotation", "crm_team_member", "crm_customer",
                    "crm_contact_point", "crm_interaction", "crm_due_work", "crm_outbox", "crm_idempotency_key"}) {
                    s.execute("ANALYZE " + table);
                }
            }
        }
    }

    private void verifySameLeadCount() throws SQLException {
        long crmkit = count(CRMKIT);
        for (String tenant : List.of(RAW, RAW_LEADS_ONLY)) {
            long raw = count(tenant);
            if (raw != crmkit) {
                throw new IllegalStateException("crm_lead: " + tenant + " wrote " + raw + " rows, CRMKit " + crmkit);
            }
        }
    }

    private long count(String tenant) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM crm_lead WHERE tenant_id = ?")) {
            p.setString(1, tenant);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Inserts the submissions numbered {@code first} to {@code first + leads - 1} as raw rows: the lead rows, and
     * with {@code allRows} also the due work, outbox and touch-point rows CRMKit writes for them; {@code batch}
     * submissions per transaction.
     */
    private void rawCapture(String tenant, int first, int leads, List<UUID> reps, StoredShape shape, boolean allRows,
            int batch) throws SQLException {
        Map<Integer, UUID> ids = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement due = c.prepareStatement("INSERT INTO crm_due_work (tenant_id, id, kind, work_key,"
                        + " due_at, payload, claimed_by, lease_until, attempts) VALUES (?, ?, 'lead.first-contact-due',"
                        + " ?, ?, NULL, NULL, NULL, 0)");
                PreparedStatement outbox = c.prepareStatement("INSERT INTO crm_outbox (tenant_id, id, aggregatetype,"
                        + " aggregateid, type, payload, occurred_at) VALUES (?, ?, 'lead', ?, ?, ?, ?)");
                PreparedStatement touch = c.prepareStatement("INSERT INTO crm_interaction (tenant_id, id, version,"
                        + " created_at, updated_at, customer_id, channel, direction, purpose, outcome, agent_id, summary,"
                        + " occurred_at, idempotency_key) VALUES (?, ?, 1, ?, ?, ?, ?, 'INBOUND', 'SALES', 'resubmitted',"
                        + " NULL, ?, ?, NULL)");
                PreparedStatement submission = c.prepareStatement("INSERT INTO crm_idempotency_key (tenant_id,"
                        + " scope, idempotency_key, target_id, recorded_at) VALUES (?, 'lead.capture', ?, ?, ?)");
                PreparedStatement insert = c.prepareStatement("INSERT INTO crm_lead (tenant_id, id, version,"
                        + " created_at, updated_at, given_name, family_name, company_name, job_title, industry,"
                        + " employees, email, phone, country_code, postcode, city, name_key, source, campaign_id,"
                        + " tracking_code, raw_submission, status, disqualification_reason, budget, budget_currency,"
                        + " authority, need, timeline, score, score_factors, owner_id, assigned_at, first_contact_due_at,"
                        + " first_contacted_at, matched_customer_id, needs_review, converted_customer_id,"
                        + " converted_opportunity_id, closed_at, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', NULL, NULL, NULL, NULL, NULL, NULL, ?, ?, ?, ?, ?,"
                        + " NULL, NULL, ?, NULL, NULL, NULL, ?)")) {
            c.setAutoCommit(false);
            int pending = 0;
            for (int i = first; i < first + leads; i++) {
                GeneratedLeads.Submission s = GeneratedLeads.number(i);
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                if (s.repeat() && allRows) {
                    UUID earlier = ids.get(s.person());
                    touch.setString(1, tenant);
                    touch.setObject(2, UUID.randomUUID());
                    touch.setObject(3, now);
                    touch.setObject(4, now);
                    touch.setObject(5, earlier);
                    touch.setString(6, "WEB");
                    touch.setString(7, s.rawSubmission());
                    touch.setObject(8, now);
                    touch.addBatch();
                    submission.setString(1, tenant);
                    submission.setString(2, s.idempotencyKey());
                    submission.setObject(3, earlier);
                    submission.setObject(4, now);
                    submission.addBatch();
                    event(outbox, tenant, earlier, "lead.resubmitted", "{\"tenantId\":\"" + tenant + "\",\"leadId\":\""
                            + earlier + "\",\"source\":\"" + s.source() + "\",\"campaignId\":null,\"occurredAt\":\""
                            + now.toInstant() + "\"}", now);
                }
                if (!s.repeat()) {
                    UUID id = UUID.randomUUID();
                    ids.put(i, id);
                    UUID owner = reps.get(i % reps.size());
                    insert.setString(1, tenant);
                    insert.setObject(2, id);
                    insert.setLong(3, shape.version());
                    insert.setObject(4, now);
                    insert.setObject(5, now);
                    insert.setString(6, s.givenName());
                    insert.setString(7, s.familyName());
                    insert.setString(8, s.companyName());
                    insert.setString(9, s.jobTitle());
                    insert.setString(10, s.industry());
                    insert.setInt(11, s.employees());
                    insert.setString(12, s.email());
                    insert.setString(13, s.phone());
                    insert.setString(14, s.countryCode());
                    insert.setString(15, s.postcode());
                    insert.setString(16, s.city());
                    insert.setString(17, s.nameKey());
                    insert.setString(18, s.source().name());
                    nullable(insert, 19, s.campaignId());
                    nullable(insert, 20, s.trackingCode());
                    insert.setString(21, s.rawSubmission());
                    insert.setInt(22, shape.score());
                    insert.setString(23, shape.scoreFactors());
                    insert.setObject(24, owner);
                    insert.setObject(25, now);
                    insert.setObject(26, now.plus(Duration.ofHours(24)));
                    insert.setBoolean(27, shape.needsReview());
                    insert.setString(28, s.idempotencyKey());
                    insert.addBatch();
                    if (allRows) {
                        due.setString(1, tenant);
                        due.setObject(2, UUID.randomUUID());
                        due.setString(3, id.toString());
                        due.setObject(4, now.plus(Duration.ofHours(24)));
                        due.addBatch();
                        event(outbox, tenant, id, "lead.captured", "{\"tenantId\":\"" + tenant + "\",\"leadId\":\"" + id
                                + "\",\"source\":\"" + s.source() + "\",\"campaignId\":" + quoted(s.campaignId())
                                + ",\"score\":" + shape.score() + ",\"matchedCustomerId\":null,\"needsReview\":"
                                + shape.needsReview() + ",\"occurredAt\":\"" + now.toInstant() + "\"}", now);
                        event(outbox, tenant, id, "lead.assigned", "{\"tenantId\":\"" + tenant + "\",\"leadId\":\"" + id
                                + "\",\"fromOwnerId\":null,\"toOwnerId\":\"" + owner + "\",\"how\":\"AUTOMATIC\","
                                + "\"occurredAt\":\"" + now.toInstant() + "\"}", now);
                    }
                }
                if (++pending == batch || i == first + leads - 1) {
                    insert.executeBatch();
                    if (allRows) {
                        touch.executeBatch();
                        submission.executeBatch();
                        due.executeBatch();
                        outbox.executeBatch();
                    }
                    c.commit();
                    pending = 0;
                }
            }
        }
    }

    private static void event(PreparedStatement outbox, String tenant, UUID leadId, String type, String payload,
            OffsetDateTime at) throws SQLException {
        outbox.setString(1, tenant);
        outbox.setObject(2, UUID.randomUUID());
        outbox.setString(3, leadId.toString());
        outbox.setString(4, type);
        outbox.setString(5, payload);
        outbox.setObject(6, at);
        outbox.addBatch();
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static void nullable(PreparedStatement p, int index, String value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.VARCHAR);
        } else {
            p.setString(index, value);
        }
    }
}
