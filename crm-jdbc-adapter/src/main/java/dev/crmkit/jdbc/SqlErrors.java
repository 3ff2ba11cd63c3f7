package dev.crmkit.jdbc;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.StorageFailureException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
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
                return new ConflictException(type + " changed concurrently (SQLState " + e.getSQLState() + ")", true);
            }
            if (isLockTimeout(e)) {
                return new ConflictException(type + " waited too long for a lock another unit holds (SQLState "
                        + e.getSQLState() + ")", true);
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
        for (SQLException e : chain) {
            if (isConnectionLost(e)) {
                return new StorageFailureException("storage failed on " + type + ": the connection to the database was"
                        + " lost (SQLState " + e.getSQLState() + ", vendor code " + e.getErrorCode() + ")", failure, true);
            }
        }
        return new StorageFailureException("storage failed on " + type + " (SQLState " + failure.getSQLState()
                + ", vendor code " + failure.getErrorCode() + ")", failure);
    }

    /**
     * Whether the database ended the whole transaction with this failure, so the unit it belonged to is lost and
     * nothing of it will commit: a deadlock or serialization failure (MariaDB rolls the whole transaction back, and
     * PostgreSQL's would have to be retried from its start anyway), or a lost connection.
     */
    static boolean abortsUnit(SQLException failure) {
        return chain(failure).stream().anyMatch(e -> isWriteConflict(e) || isConnectionLost(e));
    }

    /**
     * Whether a failure of {@code COMMIT} means the transaction certainly did not commit: the database said it rolled
     * it back (SQLState class 40, transaction rollback, or 23, a constraint checked at commit). Any other failure, a
     * lost connection above all, leaves the outcome unknown.
     */
    static boolean rolledBackAtCommit(SQLException failure) {
        return chain(failure).stream().anyMatch(e -> isWriteConflict(e) || (e.getSQLState() != null
                && (e.getSQLState().startsWith("40") || e.getSQLState().startsWith("23"))));
    }

    /**
     * Whether the connection is gone: SQLState class 08 (connection exception), PostgreSQL's 57P01 to 57P03 (the
     * server ended the session: shut down, crashed, or {@code pg_terminate_backend}), MariaDB's 1927 (the session was
     * killed) and its client's 2006 and 2013 (server gone, connection lost during a query), and the JDBC classes for
     * a broken connection.
     */
    static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"))) {
            return true;
        }
        int code = e.getErrorCode();
        return code == 1927 || code == 2006 || code == 2013 || e instanceof SQLRecoverableException
                || e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientConnectionException;
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

    private static boolean isLockTimeout(SQLException e) {
        // MariaDB 1205 lock wait timeout (the statement is rolled back, the transaction goes on); PostgreSQL 55P03
        // lock not available (lock_timeout).
        return e.getErrorCode() == 1205 || "55P03".equals(e.getSQLState());
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
