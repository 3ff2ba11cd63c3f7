package dev.crmkit.jdbc;

import dev.crmkit.model.StorageFailureException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Brings a database to the current CRMKit schema by applying the dialect's versioned SQL scripts
 * ({@code dev/crmkit/jdbc/migration/<dialect>/V<n>__<description>.sql}, Flyway-compatible names) in version
 * order. Each applied script is recorded in {@code crm_schema_history} with its description, checksum and time.
 *
 * <p>Running it again applies nothing new; a recorded script whose checksum no longer matches the shipped one
 * stops the migration with an error. Several nodes may start at once: they serialize on a database lock
 * (PostgreSQL {@code pg_advisory_lock}, MariaDB {@code GET_LOCK}; on H2, which is embedded, a JVM-wide lock).
 * A host that prefers Flyway points it at the same folder and does not use this class.
 */
public final class SchemaMigrator {
    /** The scripts of this release, in version order; the same names exist for every dialect. */
    static final List<String> SCRIPTS = List.of("V1__crm_schema.sql", "V2__team.sql", "V3__lead.sql",
            "V4__opportunity.sql", "V5__lead_load.sql", "V6__idempotency_key.sql",
            "V7__customer_merge.sql", "V8__schema_version.sql", "V9__event_schema_version.sql",
            "V10__message.sql", "V11__lead_model.sql", "V12__customer_owner_member.sql", "V13__loyalty.sql",
            "V14__loyalty_programme.sql", "V15__forecast.sql", "V16__ticket.sql", "V17__match_key.sql",
            "V18__forecast_history.sql", "V19__loyalty_accrual.sql", "V20__loyalty_tiers_rewards.sql",
            "V21__service_level.sql", "V22__duplicate_pair.sql", "V23__knowledge_base.sql", "V24__loyalty_expiry.sql",
            "V26__ticket_routing.sql", "V28__service_reports.sql",
            "V29__ticket_active_count.sql", "V30__duplicate_job.sql", "V31__agent_slot_count.sql");
    private static final String LOCK_NAME = "crm_schema_migration";
    private static final long ADVISORY_LOCK_KEY = 0x43524d4b6974L;
    private static final Object H2_LOCK = new Object();

    private final DataSource dataSource;
    private final Dialect dialect;

    /** A migrator for the database behind {@code dataSource}, which speaks {@code dialect}. */
    public SchemaMigrator(DataSource dataSource, Dialect dialect) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** One script the migrator knows, as applied or as shipped. */
    public record Migration(int version, String description, long checksum) {
    }

    /**
     * Applies every script not applied yet, in version order.
     *
     * @return the scripts applied by this call, empty when the schema was current
     * @throws StorageFailureException when a script fails or an applied script's checksum differs from the shipped one
     */
    public List<Migration> migrate() {
        if (dialect == Dialect.H2) {
            synchronized (H2_LOCK) {
                return migrateLocked();
            }
        }
        return migrateLocked();
    }

    /** The scripts recorded as applied, in version order; empty when the history table does not exist. */
    public List<Migration> applied() {
        if (dialect == Dialect.H2) {
            synchronized (H2_LOCK) {
                return underLock(this::readApplied);
            }
        }
        return underLock(this::readApplied);
    }

    private List<Migration> readApplied(Connection connection) throws SQLException {
        createHistory(connection);
        return new ArrayList<>(readHistory(connection).values());
    }

    private List<Migration> migrateLocked() {
        return underLock(this::applyPending);
    }

    private List<Migration> underLock(SqlWork<List<Migration>> work) {
        try (Connection connection = dataSource.getConnection()) {
            lock(connection);
            try {
                return work.run(connection);
            } finally {
                unlock(connection);
            }
        } catch (SQLException e) {
            throw failure("schema migration failed", e);
        }
    }

    private List<Migration> applyPending(Connection connection) throws SQLException {
        createHistory(connection);
        Map<Integer, Migration> history = readHistory(connection);
        List<Migration> appliedNow = new ArrayList<>();
        for (String name : SCRIPTS) {
            String script = load(name);
            Migration shipped = describe(name, script);
            Migration recorded = history.get(shipped.version());
            if (recorded != null) {
                if (recorded.checksum() != shipped.checksum()) {
                    throw new StorageFailureException("schema version " + shipped.version()
                            + " was changed after it was applied: checksum " + recorded.checksum()
                            + " recorded, " + shipped.checksum() + " shipped", null);
                }
                continue;
            }
            apply(connection, script);
            record(connection, shipped);
            appliedNow.add(shipped);
        }
        return appliedNow;
    }

    private void createHistory(Connection connection) throws SQLException {
        String timestamp = switch (dialect) {
            case POSTGRESQL -> "TIMESTAMPTZ";
            case MARIADB -> "DATETIME(6)";
            case H2 -> "TIMESTAMP(6) WITH TIME ZONE";
        };
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS crm_schema_history ("
                    + "version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, checksum BIGINT NOT NULL, "
                    + "applied_at " + timestamp + " NOT NULL, CONSTRAINT pk_crm_schema_history PRIMARY KEY (version))");
        }
    }

    private Map<Integer, Migration> readHistory(Connection connection) throws SQLException {
        Map<Integer, Migration> history = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT version, description, checksum FROM crm_schema_history ORDER BY version")) {
            while (rows.next()) {
                history.put(rows.getInt(1), new Migration(rows.getInt(1), rows.getString(2), rows.getLong(3)));
            }
        }
        return history;
    }

    private void apply(Connection connection, String script) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script)) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void record(Connection connection, Migration migration) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO crm_schema_history (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, migration.version());
            insert.setString(2, migration.description());
            insert.setLong(3, migration.checksum());
            dialect.bindInstant(insert, 4, Instant.now());
            insert.executeUpdate();
        }
    }

    private void lock(Connection connection) throws SQLException {
        switch (dialect) {
            case POSTGRESQL -> execute(connection, "SELECT pg_advisory_lock(" + ADVISORY_LOCK_KEY + ")");
            case MARIADB -> {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT GET_LOCK('" + LOCK_NAME + "', 300)")) {
                    if (!rows.next() || rows.getInt(1) != 1) {
                        throw new SQLException("timed out waiting for the schema migration lock", "55P03");
                    }
                }
            }
            case H2 -> {
                // H2 runs embedded in this JVM: the synchronized block in migrate() serializes migrators.
            }
        }
    }

    private void unlock(Connection connection) throws SQLException {
        switch (dialect) {
            case POSTGRESQL -> execute(connection, "SELECT pg_advisory_unlock(" + ADVISORY_LOCK_KEY + ")");
            case MARIADB -> execute(connection, "SELECT RELEASE_LOCK('" + LOCK_NAME + "')");
            case H2 -> {
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String load(String name) {
        String path = "/dev/crmkit/jdbc/migration/" + dialect.migrationFolder() + "/" + name;
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + path, e);
        }
    }

    static Migration describe(String name, String script) {
        int separator = name.indexOf("__");
        int version = Integer.parseInt(name.substring(1, separator));
        String description = name.substring(separator + 2, name.length() - ".sql".length()).replace('_', ' ');
        CRC32 crc = new CRC32();
        // Line endings do not count, so a checkout with CRLF endings has the same checksum.
        crc.update(script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        return new Migration(version, description, crc.getValue());
    }

    /** The statements of a script: split at semicolons ending a line, comment lines dropped. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.replace("\r\n", "\n").split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                statements.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().trim());
        }
        return statements;
    }

    private static StorageFailureException failure(String what, SQLException e) {
        return new StorageFailureException(what + " (SQLState " + e.getSQLState() + ")", e);
    }
}
