package dev.crmkit.jdbc;

import dev.crmkit.model.StorageFailureException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Checks at start-up that the database holds the CRMKit schema this code was written for, with one query of the
 * version the scripts record in {@code crm_schema_version} (whichever tool ran them), so a missing or stale
 * schema stops the start-up with what to do rather than failing at some later call.
 */
final class SchemaVersion {
    /** The version this code needs: that of its last script. */
    static final int CURRENT = SchemaMigrator.describe(
            SchemaMigrator.SCRIPTS.get(SchemaMigrator.SCRIPTS.size() - 1), "").version();

    private SchemaVersion() {
    }

    /** What to do about a missing or old schema, for every message that reports one; {@code dialect} may be null. */
    static String howToMigrate(Dialect dialect) {
        return "migrate it with JdbcStorage.builder().migrate(true), or apply the scripts in dev/crmkit/jdbc/migration/"
                + (dialect == null ? "<dialect>" : dialect.migrationFolder())
                + " (the built-in SchemaMigrator or Flyway, as docs/jdbc-adapter.md says)";
    }

    /**
     * @throws StorageFailureException when the schema is missing, older or newer than {@link #CURRENT}, or its
     *     version cannot be read
     */
    static void requireCurrent(DataSource dataSource, Dialect dialect) {
        int found;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM crm_schema_version")) {
            rows.next();
            found = rows.getInt(1);
        } catch (SQLException e) {
            if (!SqlErrors.isMissingSchemaObject(e)) {
                throw new StorageFailureException("cannot read the CRMKit schema version (SQLState "
                        + e.getSQLState() + ")", e);
            }
            throw new StorageFailureException(holdsAnySchema(dataSource)
                    ? "the database holds a CRMKit schema older than version " + CURRENT + ", which this code needs: "
                            + howToMigrate(dialect)
                    : "the database holds no CRMKit schema: " + howToMigrate(dialect), e);
        }
        if (found < CURRENT) {
            throw new StorageFailureException("the database holds CRMKit schema version " + found
                    + ", older than version " + CURRENT + ", which this code needs: " + howToMigrate(dialect), null);
        }
        if (found > CURRENT) {
            throw new StorageFailureException("the database holds CRMKit schema version " + found
                    + ", newer than version " + CURRENT + ", which this code knows: a later CRMKit release migrated"
                    + " it; run that release on every node", null);
        }
    }

    /** Whether the first script ran: its table is there. Asked on a connection of its own after a failed query. */
    private static boolean holdsAnySchema(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM crm_lock")) {
            return rows.next();
        } catch (SQLException e) {
            return false;
        }
    }
}
