package dev.crmkit.jdbc;

import dev.crmkit.spi.ConflictException;
import dev.crmkit.spi.CrmException;
import dev.crmkit.spi.DuplicateException;
import dev.crmkit.spi.StorageFailureException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a driver's {@link SQLException} into the contract's errors. The driver's message is read to find the
 * violated constraint's name but never copied: it may hold SQL text and data values.
 */
final class SqlErrors {
    private SqlErrors() {
    }

    /**
     * The contract error for a failure. {@code uniqueKeys} maps the names of a table's unique constraints to
     * the contract's key names; a unique violation naming none of them is one of the primary key, {@code id}.
     */
    static CrmException translate(SQLException failure, String type, Map<String, String> uniqueKeys) {
        List<SQLException> chain = chain(failure);
        for (SQLException e : chain) {
            if (isUniqueViolation(e)) {
                return new DuplicateException(type, keyOf(e, uniqueKeys));
            }
        }
        for (SQLException e : chain) {
            if (isWriteConflict(e)) {
                return new ConflictException(type + " changed concurrently (SQLState " + e.getSQLState() + ")");
            }
        }
        for (SQLException e : chain) {
            if (isMissingSchemaObject(e)) {
                return new StorageFailureException("storage failed on " + type + ": a table or column of the CRMKit"
                        + " schema is missing (SQLState " + e.getSQLState() + ", vendor code " + e.getErrorCode()
                        + "); the schema is missing or older than this code: " + SchemaVersion.howToMigrate(null),
                        failure);
            }
        }
        return new StorageFailureException("storage failed on " + type + " (SQLState " + failure.getSQLState()
                + ", vendor code " + failure.getErrorCode() + ")", failure);
    }

    /**
     * Whether a statement failed because a table or column does not exist: 42S02 table not found (H2, MariaDB),
     * 42S03 and 42S04 its variants on H2 (with candidates, in an empty database), 42S22 column not found (H2,
     * MariaDB), 42P01 undefined table and 42703 undefined column (PostgreSQL).
     */
    static boolean isMissingSchemaObject(SQLException e) {
        String state = e.getSQLState();
        return state != null && switch (state) {
            case "42S02", "42S03", "42S04", "42S22", "42P01", "42703" -> true;
            default -> false;
        };
    }

    private static List<SQLException> chain(SQLException failure) {
        List<SQLException> chain = new ArrayList<>();
        for (SQLException e = failure; e != null && chain.size() < 20; e = e.getNextException()) {
            chain.add(e);
            if (e.getCause() instanceof SQLException cause && cause != e.getNextException()) {
                chain.add(cause);
            }
        }
        return chain;
    }

    private static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        // 23505: PostgreSQL and H2; MariaDB reports 23000 with vendor code 1062 (duplicate entry).
        return "23505".equals(state) || e.getErrorCode() == 1062;
    }

    private static boolean isWriteConflict(SQLException e) {
        String state = e.getSQLState();
        // 40001 serialization failure, 40P01 deadlock (PostgreSQL), 1213 deadlock (MariaDB).
        return "40001".equals(state) || "40P01".equals(state) || e.getErrorCode() == 1213;
    }

    private static String keyOf(SQLException e, Map<String, String> uniqueKeys) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> constraint : uniqueKeys.entrySet()) {
            if (message.contains(constraint.getKey())) {
                return constraint.getValue();
            }
        }
        return "id";
    }
}
