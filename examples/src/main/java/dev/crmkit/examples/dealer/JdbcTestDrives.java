package dev.crmkit.examples.dealer;

import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.ConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The dealer's test drives in its own table, {@code dealer_test_drive}, in the same database as CRMKit's: every
 * statement runs through {@link JdbcStorage#read}/{@link JdbcStorage#write} on the connection of CRMKit's current unit,
 * so a booking commits together with its event in CRMKit's outbox, and a customer merge moves the drives in the merge's
 * own transaction. The table leads its primary key with {@code tenant_id}, as CRMKit's do.
 */
public final class JdbcTestDrives implements TestDriveStorage, TestDriveStore {
    private static final String TYPE = "test drive";
    private static final String COLUMNS = "tenant_id, id, version, created_at, updated_at, customer_id, vehicle,"
            + " starts_at, status";

    private final JdbcStorage jdbc;

    /** The store over {@code jdbc}'s database; {@link #createTable} must have run once. */
    public JdbcTestDrives(JdbcStorage jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the dealer's table if it is missing: the host's own schema step, beside CRMKit's migrations. */
    public void createTable() {
        jdbc.write(TYPE, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS dealer_test_drive (tenant_id VARCHAR(64) NOT NULL,"
                        + " id VARCHAR(36) NOT NULL, version BIGINT NOT NULL, created_at TIMESTAMP NOT NULL,"
                        + " updated_at TIMESTAMP NOT NULL, customer_id VARCHAR(36) NOT NULL,"
                        + " vehicle VARCHAR(40) NOT NULL, starts_at TIMESTAMP NOT NULL, status VARCHAR(20) NOT NULL,"
                        + " PRIMARY KEY (tenant_id, id))");
                s.execute("CREATE INDEX IF NOT EXISTS ix_dealer_test_drive_customer"
                        + " ON dealer_test_drive (tenant_id, customer_id, starts_at)");
            }
            return null;
        });
    }

    @Override
    public TestDriveStore testDrives() {
        return this;
    }

    @Override
    public void insert(TestDriveRecord d) {
        jdbc.write(TYPE, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO dealer_test_drive (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(s, d);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<TestDriveRecord> get(String tenantId, UUID id) {
        return jdbc.read(TYPE, c -> query(c, "SELECT " + COLUMNS + " FROM dealer_test_drive"
                + " WHERE tenant_id = ? AND id = ?", tenantId, id.toString()).stream().findFirst());
    }

    @Override
    public void update(TestDriveRecord d, long expectedVersion) {
        int updated = jdbc.write(TYPE, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE dealer_test_drive SET version = ?, updated_at = ?,"
                    + " status = ? WHERE tenant_id = ? AND id = ? AND version = ?")) {
                s.setLong(1, d.version());
                s.setTimestamp(2, Timestamp.from(d.updatedAt()));
                s.setString(3, d.status().name());
                s.setString(4, d.tenantId());
                s.setString(5, d.id().toString());
                s.setLong(6, expectedVersion);
                return s.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new ConflictException("test drive " + d.id() + " changed concurrently; load it again", true);
        }
    }

    @Override
    public List<TestDriveRecord> forCustomer(String tenantId, UUID customerId) {
        return jdbc.read(TYPE, c -> query(c, "SELECT " + COLUMNS + " FROM dealer_test_drive"
                + " WHERE tenant_id = ? AND customer_id = ? ORDER BY starts_at, id", tenantId, customerId.toString()));
    }

    @Override
    public int moveAll(String tenantId, UUID from, UUID to, Instant at) {
        return jdbc.write(TYPE, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE dealer_test_drive SET customer_id = ?,"
                    + " version = version + 1, updated_at = ? WHERE tenant_id = ? AND customer_id = ?")) {
                s.setString(1, to.toString());
                s.setTimestamp(2, Timestamp.from(at));
                s.setString(3, tenantId);
                s.setString(4, from.toString());
                return s.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement s, TestDriveRecord d) throws SQLException {
        s.setString(1, d.tenantId());
        s.setString(2, d.id().toString());
        s.setLong(3, d.version());
        s.setTimestamp(4, Timestamp.from(d.createdAt()));
        s.setTimestamp(5, Timestamp.from(d.updatedAt()));
        s.setString(6, d.customerId().toString());
        s.setString(7, d.vehicle());
        s.setTimestamp(8, Timestamp.from(d.startsAt()));
        s.setString(9, d.status().name());
    }

    private static List<TestDriveRecord> query(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                List<TestDriveRecord> drives = new ArrayList<>();
                while (r.next()) {
                    drives.add(new TestDriveRecord(r.getString(1), UUID.fromString(r.getString(2)), r.getLong(3),
                            r.getTimestamp(4).toInstant(), r.getTimestamp(5).toInstant(),
                            UUID.fromString(r.getString(6)), r.getString(7), r.getTimestamp(8).toInstant(),
                            TestDriveStatus.valueOf(r.getString(9))));
                }
                return drives;
            }
        }
    }
}
