package dev.crmkit.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * The SQL databases the JDBC adapter supports. The dialect decides how ids and instants are bound and read,
 * and which migration scripts apply; {@link JdbcStorage.Builder} detects it from the connection's metadata.
 */
public enum Dialect {
    /** H2 2.x: ids as {@code UUID} (which H2 orders unsigned, as {@code Ids.ORDER}), instants as timestamps with time zone. */
    H2("h2"),
    /** PostgreSQL 15 and later: ids as {@code uuid}, instants as {@code timestamptz}. */
    POSTGRESQL("postgresql"),
    /** MariaDB 10.11 and later: ids as ASCII text, instants as {@code DATETIME(6)} in UTC. */
    MARIADB("mariadb");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** The name of this dialect's folder below {@code dev/crmkit/jdbc/migration/} on the classpath. */
    public String migrationFolder() {
        return folder;
    }

    /**
     * The dialect of the database a connection talks to.
     *
     * @throws IllegalArgumentException when the database is none of the supported ones
     */
    public static Dialect detect(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("unsupported database product: " + metaData.getDatabaseProductName());
    }

    void bindId(PreparedStatement statement, int index, UUID id) throws SQLException {
        if (this == MARIADB) {
            statement.setString(index, id.toString());
        } else {
            statement.setObject(index, id);
        }
    }

    UUID readId(ResultSet rows, int column) throws SQLException {
        if (this == MARIADB) {
            String text = rows.getString(column);
            return text == null ? null : UUID.fromString(text);
        }
        return rows.getObject(column, UUID.class);
    }

    void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (this == MARIADB) {
            // DATETIME holds UTC wall-clock time; TIMESTAMP would end in 2038.
            statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    Instant readInstant(ResultSet rows, int column) throws SQLException {
        if (this == MARIADB) {
            LocalDateTime time = rows.getObject(column, LocalDateTime.class);
            return time == null ? null : time.toInstant(ZoneOffset.UTC);
        }
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
