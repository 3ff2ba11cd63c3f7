package dev.crmkit.jdbc;

import dev.crmkit.model.CommitOutcomeUnknownException;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.StorageFailureException;
import dev.crmkit.spi.TransactionRunner;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections and units of one {@link JdbcStorage}: a unit keeps its connection in a thread local so every
 * store call on the thread joins it; a call outside any unit runs in a unit of its own. In host-managed mode
 * the connection comes from the host's {@link ConnectionSource}, and commit and rollback are the host's while it
 * has a transaction open on it.
 */
final class Database implements TransactionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private final DataSource dataSource;
    private final ConnectionSource host;
    private final Dialect dialect;
    private final ThreadLocal<Connection> unit = new ThreadLocal<>();
    /** The failure with which the database ended the current unit's transaction, if it did (see {@link #abort}). */
    private final ThreadLocal<CrmException> aborted = new ThreadLocal<>();
    /** How often a unit this class owns is run, at most, when the database ends it with a deadlock or the like. */
    static final int UNIT_ATTEMPTS = 4;
    private final LongAdder unitsRunAgain = new LongAdder();
    /** How many statement texts {@link #labels} keeps the column labels of. */
    static final int LABELLED_STATEMENTS = 2000;
    private final Map<String, String[]> labels = new ConcurrentHashMap<>();
    /**
     * The prefix of a write's savepoint, named by how deep in other writes it is set: the same few names on every
     * connection, where the driver's unnamed savepoints take a new name each (H2 parses and caches each
     * {@code SAVEPOINT} text as a statement of its own, and a new name every write crowded the session's few cached
     * statements out; measured on the accrual benchmark, see docs/performance.md).
     */
    private static final String SAVEPOINT = "crmkit_write_";
    /** How many writes behind a savepoint the thread is inside: the depth of the next one's name. */
    private final ThreadLocal<int[]> savepointDepth = ThreadLocal.withInitial(() -> new int[1]);
    /**
     * The failure of a write made without a savepoint ({@link #writeWithoutSavepoint}) that may have left part of it
     * in the current unit: the unit must not commit, and any later statement in it fails at once.
     */
    private final ThreadLocal<CrmException> spoiled = new ThreadLocal<>();
    /** Whether the current unit is the host's transaction (host-managed mode, auto-commit off). */
    private final ThreadLocal<Boolean> hostsTransaction = new ThreadLocal<>();
    /** On H2, the statements kept on each connection so they are not parsed again; null elsewhere. */
    private final H2Statements h2Statements;
    /**
     * On MariaDB, whether the pool's connections came at READ COMMITTED when first asked: then each unit asks its
     * connection again (which a driver that set the level itself answers without a round trip) instead of sending
     * {@code SET TRANSACTION}; null until the first unit asked.
     */
    private volatile Boolean poolReadCommitted;
    /** Whether a unit begins with {@code START TRANSACTION} instead of switching auto-commit; null until known. */
    private volatile Boolean startsTransactions;

    Database(DataSource dataSource, ConnectionSource host, Dialect dialect) {
        this.dataSource = dataSource;
        this.host = host;
        this.dialect = dialect;
        this.h2Statements = dialect == Dialect.H2 ? new H2Statements() : null;
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} in a unit, joining the current one. A unit of its own that the database ended before it
     * committed, to break a deadlock or a serialization conflict or because the connection was lost, is run again on
     * a new connection, up to {@value #UNIT_ATTEMPTS} times in all, after a short random pause: nothing of it was
     * committed, and CRMKit's units hold only storage work (see {@link TransactionRunner}). After the last attempt, or
     * for any other failure, the exception propagates unchanged. A unit the database ended that the work went on with
     * (it caught the error) is not committed: what the work wrote after the error would otherwise commit without what
     * it wrote before.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (unit.get() != null) {
            return work.get();
        }
        if (host != null) {
            return inHostUnit(work);
        }
        for (int attempt = 1; ; attempt++) {
            Attempt<T> outcome = attempt(work);
            if (outcome.done()) {
                return outcome.result();
            }
            if (attempt == UNIT_ATTEMPTS) {
                throw outcome.failure();
            }
            unitsRunAgain.increment();
            LOG.debug("A unit was ended by the database ({}); running it again, attempt {} of {}",
                    outcome.failure().getMessage(), attempt + 1, UNIT_ATTEMPTS);
            pauseBeforeAttempt(attempt + 1);
        }
    }

    /** One attempt at a unit of its own: its result, or the failure to throw or, when the database ended it, retry. */
    private record Attempt<T>(boolean done, T result, RuntimeException failure) {
        static <T> Attempt<T> succeeded(T result) {
            return new Attempt<>(true, result, null);
        }

        static <T> Attempt<T> endedByTheDatabase(RuntimeException failure) {
            return new Attempt<>(false, null, failure);
        }
    }

    private <T> Attempt<T> attempt(Supplier<T> work) {
        Connection connection = open();
        unit.set(connection);
        boolean switched = false;
        try {
            readCommittedOnMariaDb(connection);
            switched = begin(connection);
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                rollbackQuietly(connection, e);
                if (aborted.get() != null) {
                    return Attempt.endedByTheDatabase(e);
                }
                throw e;
            } catch (Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
            CrmException ended = aborted.get();
            if (ended != null) {
                rollbackQuietly(connection, ended);
                return Attempt.endedByTheDatabase(ended);
            }
            CrmException halfWritten = spoiled.get();
            if (halfWritten != null) {
                // the work caught a failed write that had no savepoint and went on: nothing of it may commit
                rollbackQuietly(connection, halfWritten);
                throw wentOnAfter(halfWritten);
            }
            try {
                commit(connection);
            } catch (RetryableCommitFailure e) {
                return Attempt.endedByTheDatabase(e.failure);
            }
            return Attempt.succeeded(result);
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            CrmException failure = SqlErrors.translate(e, "unit", Map.of());
            if (SqlErrors.abortsUnit(e)) {
                return Attempt.endedByTheDatabase(failure);
            }
            throw failure;
        } finally {
            unit.remove();
            aborted.remove();
            spoiled.remove();
            closeQuietly(connection, switched);
        }
    }

    /**
     * Begins the unit's transaction on a connection of its own; whether it switched auto-commit off for it, to be
     * switched on again when the unit ends. A connection the pool hands out without auto-commit is in a transaction
     * from its first statement. On MariaDB Connector/J a unit sends {@code START TRANSACTION} and leaves the
     * auto-commit mode alone: one statement where switching off and on again takes two, and the pool finds the
     * connection as it gave it (this driver sets savepoints and commits or rolls back whenever the server says a
     * transaction is open, whatever the auto-commit mode).
     */
    private boolean begin(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            return false;
        }
        Boolean explicit = startsTransactions;
        if (explicit == null) {
            explicit = dialect == Dialect.MARIADB
                    && connection.getMetaData().getDriverName().startsWith("MariaDB Connector/J");
            startsTransactions = explicit;
        }
        if (explicit) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("START TRANSACTION");
            }
            return false;
        }
        connection.setAutoCommit(false);
        return true;
    }

    /**
     * Runs the unit about to begin at READ COMMITTED on MariaDB, as PostgreSQL runs every unit by default. At MariaDB's
     * default REPEATABLE READ a unit's plain reads all see the snapshot of its first one: a unit that read anything
     * before it took a row lock ({@code lock}) would go on reading, after the lock, what was true before the unit that
     * held the lock committed, and check its rules against that (a contact point added twice, two primaries); and a
     * unit that met another's new key could not see the row behind it. {@code SET TRANSACTION} without
     * {@code SESSION} applies to the next transaction only, so the connection goes back to the pool as it came. A
     * host's own transaction keeps the host's isolation (see docs/jdbc-adapter.md).
     *
     * <p>A pool that hands out its connections at READ COMMITTED already (HikariCP's {@code transactionIsolation}) is
     * found on the first unit, and from then on each unit asks its connection's level instead: MariaDB's driver
     * answers from memory for a level it set itself, so such a unit sends no statement before its work. A connection
     * that answers otherwise gets {@code SET TRANSACTION} as before.
     */
    private void readCommittedOnMariaDb(Connection connection) throws SQLException {
        if (dialect != Dialect.MARIADB) {
            return;
        }
        Boolean known = poolReadCommitted;
        if (known == null || known) {
            boolean readCommitted = connection.getTransactionIsolation() == Connection.TRANSACTION_READ_COMMITTED;
            if (known == null) {
                poolReadCommitted = readCommitted;
            }
            if (readCommitted) {
                return;
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
        }
    }

    /**
     * Commits, telling apart a commit that certainly failed (the database said it rolled the transaction back: thrown
     * as the contract's error, wrapped in {@link RetryableCommitFailure} when the unit may be run again) from one whose
     * outcome is unknown (the connection was lost while committing: a {@link CommitOutcomeUnknownException}).
     */
    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw commitFailure(e);
        }
    }

    /** What a failed commit throws: see {@link #commit}. */
    private static RuntimeException commitFailure(SQLException e) {
        if (!SqlErrors.rolledBackAtCommit(e)) {
            return new CommitOutcomeUnknownException("the connection was lost while the unit was committing"
                    + " (SQLState " + e.getSQLState() + ", vendor code " + e.getErrorCode() + "): it may have"
                    + " committed or not; read what is stored, or repeat the call only if it is idempotent (an"
                    + " idempotency key)", e);
        }
        CrmException failure = SqlErrors.translate(e, "unit", Map.of());
        if (SqlErrors.abortsUnit(e)) {
            return new RetryableCommitFailure(failure);
        }
        return failure;
    }

    /** A commit the database refused with a deadlock or serialization failure: nothing committed, run the unit again. */
    private static final class RetryableCommitFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient CrmException failure;

        RetryableCommitFailure(CrmException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /** A random pause before attempt {@code n} (2 or later): up to 5 ms, doubling with each attempt. */
    private static void pauseBeforeAttempt(int n) {
        long bound = 5_000L << Math.min(n - 2, 10);
        try {
            TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many units of its own this database ran again after the database ended them; for tests and reports. */
    long unitsRunAgain() {
        return unitsRunAgain.sum();
    }

    /**
     * Notes that the database ended the current unit's transaction with {@code failure} when {@code cause} says it
     * did ({@link SqlErrors#abortsUnit}): the unit must not commit, and any later statement in it fails at once.
     */
    private void abort(SQLException cause, CrmException failure) {
        if (unit.get() != null && aborted.get() == null && SqlErrors.abortsUnit(cause)) {
            aborted.set(failure);
        }
    }

    /** Fails at once when the database ended the current unit: nothing more may be written or read in it. */
    private void checkNotAborted() {
        CrmException halfWritten = spoiled.get();
        if (halfWritten != null) {
            throw wentOnAfter(halfWritten);
        }
        CrmException ended = aborted.get();
        if (ended != null) {
            throw ended.retryable() && ended instanceof ConflictException
                    ? new ConflictException("the database ended this unit (" + ended.getMessage() + "); run the whole"
                            + " unit again", true)
                    : new StorageFailureException("the database ended this unit (" + ended.getMessage() + "); run the"
                            + " whole unit again", ended, ended.retryable());
        }
    }

    /**
     * The error of a unit that went on after a write without a savepoint failed in it ({@link #writeWithoutSavepoint}):
     * part of that write may be in the transaction, so nothing more runs in the unit and it is rolled back. Retryable
     * when the write's failure was.
     */
    private static CrmException wentOnAfter(CrmException failure) {
        String message = "a write in this unit failed (" + failure.getMessage() + ") and the unit went on; the write"
                + " had no savepoint, so the unit cannot commit and is rolled back: run the whole unit again";
        return failure.retryable() && failure instanceof ConflictException
                ? new ConflictException(message, true)
                : new StorageFailureException(message, failure, failure.retryable());
    }

    /**
     * A unit on the host's connection. Inside the host's transaction (auto-commit off) it joins it and leaves commit
     * and rollback to the host. Outside one (auto-commit on: no host transaction, or a CRMKit worker thread) each
     * write would commit on its own, so the unit becomes a transaction of its own on that connection, committed or
     * rolled back here, and the connection goes back to the host in auto-commit mode, as it came.
     */
    private <T> T inHostUnit(Supplier<T> work) {
        Connection connection = obtainFromHost();
        boolean ownTransaction;
        try {
            ownTransaction = connection.getAutoCommit();
            if (ownTransaction) {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            releaseToHost(connection);
            throw SqlErrors.translate(e, "unit", Map.of());
        }
        unit.set(connection);
        if (!ownTransaction) {
            hostsTransaction.set(Boolean.TRUE);
        }
        try {
            T result = work.get();
            CrmException ended = aborted.get();
            if (ended != null) {
                // the work went on after the database ended the transaction: nothing of it may commit
                if (ownTransaction) {
                    rollbackQuietly(connection, ended);
                }
                throw ended;
            }
            CrmException halfWritten = spoiled.get();
            if (halfWritten != null) {
                // only in a transaction of its own: in the host's, every write has its savepoint
                throw wentOnAfter(halfWritten);
            }
            if (ownTransaction) {
                try {
                    commit(connection);
                } catch (RetryableCommitFailure e) {
                    throw e.failure;
                }
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (ownTransaction) {
                rollbackQuietly(connection, e);
            }
            throw e;
        } finally {
            unit.remove();
            aborted.remove();
            spoiled.remove();
            hostsTransaction.remove();
            if (ownTransaction) {
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // the connection is broken; the host's pool discards it
                }
            }
            releaseToHost(connection);
        }
    }

    /** Runs a read on the unit's connection, or on a connection of its own outside a unit. */
    <T> T read(String type, SqlWork<T> work) {
        Connection current = unit.get();
        if (current != null) {
            checkNotAborted();
        }
        try {
            if (current != null) {
                try {
                    return work.run(current);
                } catch (SQLException e) {
                    CrmException failure = SqlErrors.translate(e, type, Map.of());
                    abort(e, failure);
                    throw failure;
                }
            }
            if (host != null) {
                Connection connection = obtainFromHost();
                try {
                    return work.run(connection);
                } finally {
                    releaseToHost(connection);
                }
            }
            try (Connection connection = open()) {
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, type, Map.of());
        }
    }

    /**
     * Runs a write all or nothing: inside a unit behind a savepoint, so a failed write (a duplicate the caller
     * catches) leaves the unit usable and unchanged; outside a unit in a transaction of its own.
     */
    <T> T write(String type, Map<String, String> uniqueKeys, SqlWork<T> work) {
        Connection current = unit.get();
        if (current == null && host != null) {
            return inTransaction(() -> write(type, uniqueKeys, work));
        }
        if (current != null) {
            return writeBehindSavepoint(current, type, uniqueKeys, work);
        }
        // A unit of its own for this write alone, run again like any other when the database ends it; no savepoint.
        return inTransaction(() -> {
            try {
                return work.run(unit.get());
            } catch (SQLException e) {
                CrmException failure = SqlErrors.translate(e, type, uniqueKeys);
                abort(e, failure);
                throw failure;
            }
        });
    }

    /**
     * Runs a write that needs no savepoint of its own in a unit CRMKit began (its own connection from the pool, or a
     * transaction of its own on a host's connection in auto-commit mode): no {@code SAVEPOINT} and {@code RELEASE}
     * around it, two round trips fewer. When it fails, what it wrote before the failing statement is not undone
     * (PostgreSQL has aborted the transaction; H2 and MariaDB undid only the failing statement), so the unit is marked:
     * every later statement in it fails at once, and it is rolled back, never committed, even when the caller caught
     * the failure and went on ({@link #wentOnAfter}). A {@link CrmException} the work throws itself is its refusal
     * before it changed anything (a stale version found by an update that changed no row) and leaves the unit usable;
     * the work must throw one only then. Only writes whose failure callers do not recover from inside the unit take
     * this path (the outbox's append, a loyalty posting, a ticket's and its milestones' writes, an agent slot's update
     * and count, a batch of due work); in a host's transaction, which the host may commit after catching CRMKit's
     * error, and outside a unit, this is {@link #write}.
     */
    <T> T writeWithoutSavepoint(String type, Map<String, String> uniqueKeys, SqlWork<T> work) {
        Connection current = unit.get();
        if (current == null || hostsTransaction.get() != null) {
            return write(type, uniqueKeys, work);
        }
        checkNotAborted();
        try {
            return work.run(current);
        } catch (SQLException e) {
            CrmException failure = SqlErrors.translate(e, type, uniqueKeys);
            abort(e, failure);
            spoiled.set(failure);
            throw failure;
        } catch (CrmException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            spoiled.set(new StorageFailureException("a " + type + " write failed: " + e.getClass().getSimpleName(),
                    e));
            throw e;
        }
    }

    private <T> T writeBehindSavepoint(Connection connection, String type, Map<String, String> uniqueKeys,
            SqlWork<T> work) {
        checkNotAborted();
        Savepoint savepoint = null;
        int[] depth = savepointDepth.get();
        try {
            // a unit is always a transaction, though on MariaDB it may have begun with START TRANSACTION
            savepoint = connection.setSavepoint(SAVEPOINT + depth[0]);
            depth[0]++;
            T result = work.run(connection);
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return result;
        } catch (SQLException e) {
            CrmException failure = SqlErrors.translate(e, type, uniqueKeys);
            abort(e, failure);
            if (aborted.get() == null) {
                rollbackTo(connection, savepoint, e);
            }
            throw failure;
        } catch (RuntimeException | Error e) {
            rollbackTo(connection, savepoint, e);
            throw e;
        } finally {
            if (savepoint != null) {
                depth[0]--;
            }
        }
    }

    private static void rollbackTo(Connection connection, Savepoint savepoint, Throwable failure) {
        if (savepoint == null) {
            return;
        }
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Runs work on a connection of its own at READ COMMITTED and commits before returning, whether or not
     * the calling thread is inside a unit: claims must be visible to other nodes at once.
     */
    <T> T detached(String type, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            int isolation = connection.getTransactionIsolation();
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                T result = work.run(connection);
                try {
                    commit(connection);
                } catch (RetryableCommitFailure e) {
                    throw e.failure;
                }
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, type, Map.of());
        }
    }

    /**
     * Locks the row {@code id} of {@code table} (a table of this adapter whose key is {@code (tenant_id, id)}) for
     * the rest of the current unit with {@code SELECT ... FOR UPDATE}: a second unit locking or updating the row waits
     * for this one to end. Outside a unit the lock ends with the statement's own transaction.
     *
     * @throws NotFoundException when the tenant has no such row
     */
    void lockRow(String type, String table, String tenantId, UUID id) {
        boolean found = read(type, connection -> one(connection, "SELECT id FROM " + table
                + " WHERE tenant_id = ? AND id = ? FOR UPDATE", List.of(tenantId, id), row -> Boolean.TRUE)
                .isPresent());
        if (!found) {
            throw new NotFoundException(type, id);
        }
    }

    // ---- statements -------------------------------------------------------------------------------------

    /**
     * A statement of {@code sql} on the connection, to be closed by the caller; on H2 one kept from an earlier use of
     * the same text when there is one ({@link H2Statements}).
     */
    PreparedStatement statement(Connection connection, String sql) throws SQLException {
        return h2Statements != null ? h2Statements.prepare(connection, sql) : connection.prepareStatement(sql);
    }

    PreparedStatement prepare(Connection connection, String sql, List<?> parameters) throws SQLException {
        PreparedStatement statement = statement(connection, sql);
        try {
            bind(statement, parameters);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            bindOne(statement, i + 1, parameters.get(i));
        }
    }

    private void bindOne(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof UUID id) {
            dialect.bindId(statement, index, id);
        } else if (value instanceof Instant instant) {
            dialect.bindInstant(statement, index, instant);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof BigDecimal decimal) {
            statement.setBigDecimal(index, decimal);
        } else if (value instanceof LocalDate date) {
            statement.setObject(index, date);
        } else if (value instanceof TextArray array) {
            statement.setArray(index, statement.getConnection().createArrayOf("varchar", array.values().toArray()));
        } else if (value instanceof IdArray array) {
            statement.setArray(index, statement.getConnection().createArrayOf("uuid", array.values().toArray()));
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
        }
    }

    <T> List<T> list(Connection connection, String sql, List<?> parameters, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            Row row = new Row(rows, dialect, labels(sql, rows));
            while (rows.next()) {
                result.add(mapper.map(row));
            }
            return result;
        }
    }

    /**
     * The column labels of the result of {@code sql}: asked of the driver once per statement text (a statement
     * selects the same columns whenever it runs) and then kept, for at most {@link #LABELLED_STATEMENTS} texts;
     * beyond those, asked on every query. Measured on H2: asking for them made up a fifth of reading a timeline
     * page.
     */
    private String[] labels(String sql, ResultSet rows) throws SQLException {
        String[] known = labels.get(sql);
        if (known != null) {
            return known;
        }
        String[] asked = Row.labelsOf(rows);
        if (labels.size() < LABELLED_STATEMENTS) {
            labels.putIfAbsent(sql, asked);
        }
        return asked;
    }

    <T> Optional<T> one(Connection connection, String sql, List<?> parameters, RowMapper<T> mapper)
            throws SQLException {
        List<T> rows = list(connection, sql, parameters, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    int update(Connection connection, String sql, List<?> parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /**
     * Executes one statement for each parameter list as a JDBC batch; a single parameter list as a plain statement,
     * which costs the drivers less than a batch of one (H2 builds a batch's result lists, MariaDB's Connector/J may
     * send a bulk command).
     */
    int[] batch(Connection connection, String sql, List<? extends List<?>> parameterLists) throws SQLException {
        if (parameterLists.isEmpty()) {
            return new int[0];
        }
        if (parameterLists.size() == 1) {
            return new int[] {update(connection, sql, parameterLists.get(0))};
        }
        try (PreparedStatement statement = statement(connection, sql)) {
            for (List<?> parameters : parameterLists) {
                bind(statement, parameters);
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    /**
     * Which of {@code wanted} the text column {@code column} of {@code table} holds among the rows the equality
     * conditions {@code keyColumns = keys} select; one query for the whole list. The columns must be covered by
     * an index leading with {@code keyColumns} and then {@code column}; table and column names come from this
     * adapter's code, never from callers.
     */
    Set<String> existing(Connection connection, String table, List<String> keyColumns, List<?> keys, String column,
            List<String> wanted) throws SQLException {
        if (wanted.isEmpty()) {
            return Set.of();
        }
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT DISTINCT t." + column + " AS found FROM "
                + oneOf(table, "t", keyColumns, keys, column, wanted, parameters);
        return new HashSet<>(list(connection, sql, parameters, row -> row.text("found")));
    }

    /**
     * The {@code FROM} and {@code WHERE} clauses of a query for the rows of {@code table} (named {@code alias})
     * whose {@code keyColumns} equal {@code keys} and whose {@code column} equals one of {@code values} (not
     * empty), their parameters added to {@code parameters}; the caller may append {@code " AND ..."},
     * {@code ORDER BY} and {@code LIMIT}. An index must lead with {@code keyColumns} and then {@code column};
     * table and column names come from this adapter's code, never from callers.
     *
     * <p>H2 reads {@code column IN (?, ...)} by scanning every row the leading equalities select and testing each
     * against the list, so the cost grows with the tenant's table, and it does the same with
     * {@code column = ANY (?)} (measured: the customer import fell from 0.72 to 0.17 of raw JDBC). Joined against
     * the list as a {@code VALUES} table, H2 looks each value up in the index instead (measured on 100,000 rows:
     * 29 ms against 4 ms for 500 values, and flat as the table grows). The join is an outer one with unmatched
     * values filtered out, because H2 does not reorder an outer join: as an inner join, a query ordered by the
     * table's key with a limit may put the table first and test each of the tenant's rows against the list
     * (a match-key lookup of 1,000 keys among 300,000 rows: 85 to 150 s, against 0.2 s). PostgreSQL plans an {@code IN} list as index lookups but plans every
     * statement with a list of 200 values afresh (4 ms, longer than running it); text values and ids are therefore
     * bound there as one array, whose statement text is the same for any number of values, so the server keeps its
     * plan. The array is not compared with {@code column = ANY (?)}: for a list of hundreds of values PostgreSQL's
     * custom plans read every row of the tenant and filter them (a bitmap scan of the tenant, or a hash join with the
     * list), so the cost grew with the tenant (measured: an import's match-key lookup of 1,000 keys took 30 to 60 ms
     * among 30,000 keys and grew with them, the contact-value lookups alike). The list is unnested and each value
     * looked up by a subquery the planner cannot pull up into a join ({@code LATERAL ... OFFSET 0}): one index
     * lookup per value (5 ms for those 1,000 keys), flat as the tenant grows. Values repeated in the list are looked
     * up once. A plan made while the table was empty, and kept for a server-prepared statement until statistics
     * arrive, may look each value up through another index leading with the key columns and filter the tenant's rows
     * once per value (docs/operations.md, planner statistics). MariaDB plans the {@code IN} list as index lookups.
     */
    String oneOf(String table, String alias, List<String> keyColumns, List<?> keys, String column, List<?> values,
            List<Object> parameters) {
        return oneOf(table, alias, null, keyColumns, keys, column, values, parameters);
    }

    /**
     * {@link #oneOf(String, String, List, List, String, List, List)} with the index H2 must use for the lookups,
     * for queries ordered by id with a limit. Once its statistics change, H2 may put the table first and compare
     * each of the tenant's rows with the list (measured: lead capture went from 80 ms to 23 s per batch of 500 when
     * the tenant passed 85,000 leads). On H2 the list is therefore the outer side of a {@code LEFT JOIN}, which H2
     * does not reorder, with the index named ({@code USE INDEX}); unmatched values are filtered out. Other
     * databases ignore the index name.
     */
    String oneOf(String table, String alias, String h2Index, List<String> keyColumns, List<?> keys, String column,
            List<?> values, List<Object> parameters) {
        StringBuilder keyConditions = new StringBuilder();
        for (String key : keyColumns) {
            keyConditions.append(keyConditions.length() == 0 ? "" : " AND ").append(alias).append('.').append(key)
                    .append(" = ?");
        }
        Object array = dialect == Dialect.POSTGRESQL ? array(List.copyOf(new LinkedHashSet<>(values))) : null;
        if (array != null) {
            // Each value an index lookup whatever the planner estimates: the subquery with OFFSET 0 is not pulled up
            // into a join, so it runs once per value of the list (see the Javadoc).
            parameters.add(array);
            parameters.addAll(keys);
            return "unnest(?) AS w(v) CROSS JOIN LATERAL (SELECT * FROM " + table + " " + alias + " WHERE "
                    + keyConditions + " AND " + alias + "." + column + " = w.v OFFSET 0) " + alias + " WHERE TRUE";
        }
        if (dialect == Dialect.H2) {
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                rows.append(i == 0 ? "(?)" : ", (?)");
            }
            parameters.addAll(values);
            parameters.addAll(keys);
            // An outer join H2 does not reorder: the list stays the outer side, each value an index lookup. An inner
            // join lets H2 put the table first when the query is ordered by the table's key with a limit, and compare
            // every row of the tenant with the list (measured: a match-key lookup of 1,000 keys among 300,000 rows
            // took 85 to 150 s that way, 0.2 s as an outer join).
            return "(VALUES " + rows + ") AS w(v) LEFT JOIN " + table + " " + alias
                    + (h2Index != null ? " USE INDEX (" + h2Index + ")" : "") + " ON " + keyConditions + " AND "
                    + alias + "." + column + " = w.v WHERE " + alias + "." + column + " IS NOT NULL";
        }
        parameters.addAll(keys);
        parameters.addAll(values);
        return table + " " + alias + " WHERE " + keyConditions + " AND " + alias + "." + column + " IN "
                + placeholders(values.size());
    }

    /** Text values bound as one SQL array parameter. */
    record TextArray(List<String> values) {
    }

    /** Ids bound as one SQL array parameter (PostgreSQL's {@code uuid[]}). */
    record IdArray(List<UUID> values) {
    }

    /** The values as one array parameter when they are all text or all ids, else null. */
    private static Object array(List<?> values) {
        if (values.stream().allMatch(String.class::isInstance)) {
            return new TextArray(values.stream().map(String.class::cast).toList());
        }
        if (values.stream().allMatch(UUID.class::isInstance)) {
            return new IdArray(values.stream().map(UUID.class::cast).toList());
        }
        return null;
    }

    /**
     * Deletes the rows of {@code table} whose {@code keyColumns} equal {@code keys} and whose {@code column} equals
     * one of {@code values}; returns how many. An index must lead with {@code keyColumns} and then {@code column}.
     * H2 tests a {@code DELETE}'s {@code IN} list against every row the leading equalities select, as it does a
     * query's (see {@link #oneOf(String, String, List, List, String, List, List)}), and has no join in a
     * {@code DELETE}: there each value is deleted by its own statement in one JDBC batch, an index lookup each
     * (measured: replacing the match keys of an import's 500 new customers took a fifth of the import's time on H2
     * as one {@code IN} list among 30,000 keys, and grew with the table). PostgreSQL gets the values as one array,
     * {@code column = ANY (?)}, whose plan it keeps; MariaDB an {@code IN} list, which it looks up in the index. One
     * value is always {@code column = ?}: PostgreSQL may filter a short array over the tenant's rows instead of looking
     * it up.
     */
    int deleteOneOf(Connection connection, String table, List<String> keyColumns, List<?> keys, String column,
            List<?> values) throws SQLException {
        if (values.isEmpty()) {
            return 0;
        }
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(table).append(" WHERE ");
        for (int i = 0; i < keyColumns.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append(keyColumns.get(i)).append(" = ?");
        }
        sql.append(" AND ").append(column);
        if (values.size() == 1) {
            List<Object> parameters = new ArrayList<>(keys);
            parameters.add(values.get(0));
            return update(connection, sql.append(" = ?").toString(), parameters);
        }
        if (dialect == Dialect.H2) {
            List<List<?>> rows = new ArrayList<>();
            for (Object value : values) {
                List<Object> row = new ArrayList<>(keys);
                row.add(value);
                rows.add(row);
            }
            try (PreparedStatement statement = statement(connection, sql.append(" = ?").toString())) {
                for (List<?> row : rows) {
                    bind(statement, row);
                    statement.addBatch();
                }
                int deleted = 0;
                for (int count : statement.executeBatch()) {
                    deleted += Math.max(0, count);
                }
                return deleted;
            }
        }
        List<Object> parameters = new ArrayList<>(keys);
        Object array = dialect == Dialect.POSTGRESQL ? array(values) : null;
        if (array != null) {
            parameters.add(array);
            return update(connection, sql.append(" = ANY (?)").toString(), parameters);
        }
        parameters.addAll(values);
        return update(connection, sql.append(" IN ").append(placeholders(values.size())).toString(), parameters);
    }

    /**
     * A {@code LIMIT} clause with the row count written into the statement rather than bound. PostgreSQL plans a
     * statement that pgjdbc has prepared on the server (from its fifth execution on) generically, and a generic plan
     * cannot know a bound limit: it guesses a small one and then prefers walking an index in the ORDER BY's order,
     * filtering every row of the tenant, over looking the few matching rows up and sorting them (measured: 40 ms
     * instead of 1 ms for an open-lead lookup of 200 values among 4,000 leads). The count is an int the caller has
     * validated, never text.
     */
    static String limit(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("a limit must be positive");
        }
        return " LIMIT " + rows;
    }

    /** A placeholder list {@code (?, ?, ?)} for an IN clause. */
    static String placeholders(int count) {
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        return sql.append(')').toString();
    }

    // ---- connections ------------------------------------------------------------------------------------

    private Connection open() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new StorageFailureException("no connection to the database (SQLState " + e.getSQLState() + ")", e,
                    true);
        }
    }

    private Connection obtainFromHost() {
        try {
            Connection connection = host.obtain();
            if (connection == null) {
                throw new IllegalStateException("the host's ConnectionSource returned no connection");
            }
            return connection;
        } catch (SQLException e) {
            throw new StorageFailureException("the host gave no connection (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private void releaseToHost(Connection connection) {
        try {
            host.release(connection);
        } catch (SQLException e) {
            throw new StorageFailureException("the host could not take its connection back", e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Gives the connection back to the pool, switching auto-commit on again when the unit switched it off. */
    private static void closeQuietly(Connection connection, boolean switchedOff) {
        if (switchedOff) {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the pool discards a connection it cannot reset
            }
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}
