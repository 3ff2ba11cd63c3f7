package dev.crmkit.benchmarks;

import dev.crmkit.jdbc.JdbcStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * (a) Bulk import of customers, each with an e-mail address, a phone number and a tag: CRMKit's import (validation,
 * normalization, duplicate checks within the batch and against storage, outbox events) against raw batched JDBC
 * inserting the same rows into the same tables, outbox row included, in batches of the same size.
 */
final class ImportBenchmark {
    static final int BATCH = 500;

    private final DataSource dataSource;
    private final JdbcStorage storage;

    ImportBenchmark(DataSource dataSource, JdbcStorage storage) {
        this.dataSource = dataSource;
        this.storage = storage;
    }

    /** The outcome: customers per second for each contender. */
    record Result(int customers, double crmkitPerSecond, double rawPerSecond) {
        double ratio() {
            return crmkitPerSecond / rawPerSecond;
        }
    }

    Result run(int customers) throws SQLException {
        // A warm-up of each contender in its own tenant, so both are measured with the JIT warm and import into a
        // tenant that already holds customers, as a host's would; the measured rows are numbered after them.
        int warm = Math.min(customers, 5_000);
        rawImport("raw", 0, warm);
        CrmKitImport.run(storage, "crmkit", 0, warm);
        analyze();
        long t0 = System.nanoTime();
        rawImport("raw", warm, customers);
        long t1 = System.nanoTime();
        int imported = CrmKitImport.run(storage, "crmkit", warm, customers);
        long t2 = System.nanoTime();
        if (imported != customers) {
            throw new IllegalStateException("CRMKit imported " + imported + " of " + customers + " customers");
        }
        verifySameRowCounts();
        return new Result(customers, customers / ((t2 - t1) / 1e9), customers / ((t1 - t0) / 1e9));
    }

    /**
     * Gives PostgreSQL's planner statistics of the warmed-up tables, as autovacuum does on a production server
     * once a table has grown by a tenth. The benchmark machine runs PostgreSQL with autovacuum off; without any
     * statistics the planner takes a tenant as a handful of rows and reads the duplicate checks' {@code IN} lists
     * as a filter over the tenant's whole index range instead of index lookups (see docs/operations.md). H2 keeps
     * its statistics itself.
     */
    private void analyze() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                for (String table : new String[] {"crm_customer", "crm_contact_point", "crm_customer_tag", "crm_outbox"}) {
                    s.execute("ANALYZE " + table);
                }
            }
        }
    }

    /**
     * Both contenders must have written the same customers, contact points and tags, or the comparison means
     * nothing. The outbox is left out of the check: the raw contender writes one event per customer, CRMKit writes
     * what its domain events are (at least as many).
     */
    private void verifySameRowCounts() throws SQLException {
        for (String table : new String[] {"crm_customer", "crm_contact_point", "crm_customer_tag"}) {
            long raw = count(table, "raw");
            long crmkit = count(table, "crmkit");
            if (raw != crmkit) {
                throw new IllegalStateException(table + ": raw wrote " + raw + " rows, CRMKit " + crmkit);
            }
        }
    }

    private long count(String table, String tenant) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?")) {
            p.setString(1, tenant);
            try (var r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void rawImport(String tenant, int first, int customers) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection();
                PreparedStatement customer = c.prepareStatement("INSERT INTO crm_customer (tenant_id, id, version,"
                        + " created_at, updated_at, kind, display_name, given_name, family_name, organization_name,"
                        + " name_key, external_ref, lifecycle_stage, owner_id, merged_into)"
                        + " VALUES (?, ?, 1, ?, ?, 'PERSON', ?, ?, ?, NULL, ?, ?, 'CUSTOMER', NULL, NULL)");
                PreparedStatement contact = c.prepareStatement("INSERT INTO crm_contact_point (tenant_id, id, version,"
                        + " created_at, updated_at, customer_id, kind, label, contact_value, street, city, region,"
                        + " postal_code, country_code, is_primary)"
                        + " VALUES (?, ?, 1, ?, ?, ?, ?, NULL, ?, NULL, NULL, NULL, NULL, NULL, TRUE)");
                PreparedStatement tag = c.prepareStatement(
                        "INSERT INTO crm_customer_tag (tenant_id, customer_id, tag) VALUES (?, ?, ?)");
                PreparedStatement outbox = c.prepareStatement("INSERT INTO crm_outbox (tenant_id, id, aggregatetype,"
                        + " aggregateid, type, payload, occurred_at) VALUES (?, ?, 'customer', ?, 'CustomerRegistered', ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = first; i < first + customers; i++) {
                UUID id = UUID.randomUUID();
                String given = "Given" + i;
                String family = "Family" + i;
                customer.setString(1, tenant);
                customer.setObject(2, id);
                customer.setObject(3, now);
                customer.setObject(4, now);
                customer.setString(5, given + " " + family);
                customer.setString(6, given);
                customer.setString(7, family);
                customer.setString(8, (family + " " + given).toLowerCase());
                customer.setString(9, "erp-" + i);
                customer.addBatch();
                for (String[] point : new String[][] {{"EMAIL", "customer" + i + "@example.com"}, {"PHONE", "+4930" + (1_000_000 + i)}}) {
                    contact.setString(1, tenant);
                    contact.setObject(2, UUID.randomUUID());
                    contact.setObject(3, now);
                    contact.setObject(4, now);
                    contact.setObject(5, id);
                    contact.setString(6, point[0]);
                    contact.setString(7, point[1]);
                    contact.addBatch();
                }
                tag.setString(1, tenant);
                tag.setObject(2, id);
                tag.setString(3, "imported");
                tag.addBatch();
                outbox.setString(1, tenant);
                outbox.setObject(2, UUID.randomUUID());
                outbox.setString(3, id.toString());
                outbox.setString(4, "{\"tenantId\":\"" + tenant + "\",\"customerId\":\"" + id + "\",\"displayName\":\""
                        + given + " " + family + "\",\"kind\":\"PERSON\",\"occurredAt\":\"" + now + "\"}");
                outbox.setObject(5, now);
                outbox.addBatch();
                if ((i + 1 - first) % BATCH == 0 || i == first + customers - 1) {
                    customer.executeBatch();
                    contact.executeBatch();
                    tag.executeBatch();
                    outbox.executeBatch();
                    c.commit();
                }
            }
        }
    }
}
