package dev.crmkit.core.soak;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A data source that makes each aggregate's commit order observable, for the two-node soak test. It watches the
 * outbox inserts of every transaction (the statement CRMKit's JDBC adapter writes events with), and just before the
 * transaction commits it increments, for each aggregate the transaction wrote events of, a counter row of the test's
 * own ({@code soak_commit_clock}, one of {@value #BUCKETS} buckets an aggregate hashes to), reads the new value and
 * stores it as the {@code commit_rank} of each of the transaction's events ({@code soak_event_rank}), in the same
 * transaction.
 *
 * <p>Why this is commit order: the counter's row stays locked from the increment until the transaction ends, so two
 * transactions writing events of one aggregate take their ranks one after the other, and the second gets its rank only
 * after the first committed (or rolled back, taking its rank with it). The increment is the transaction's last
 * statement, so nothing CRMKit does waits behind it, and buckets are taken in ascending order, so the witness adds no
 * deadlock. It does not change the order CRMKit takes outbox sequences in (those are taken at insert, earlier in the
 * transaction), which is what the order check is about.
 */
final class CommitWitness {
    static final int BUCKETS = 4096;
    private static final String OUTBOX_INSERT = "INSERT INTO crm_outbox";

    private CommitWitness() {
    }

    /** The bucket of an aggregate's counter. */
    static int bucket(String tenantId, String aggregateType, String aggregateId) {
        return Math.floorMod((tenantId + "/" + aggregateType + "/" + aggregateId).hashCode(), BUCKETS);
    }

    /** The test's own tables: the counters and each event's rank. */
    static List<String> schema() {
        return List.of("CREATE TABLE soak_commit_clock (bucket INTEGER NOT NULL PRIMARY KEY, n BIGINT NOT NULL)",
                "CREATE TABLE soak_event_rank (event_id VARCHAR(36) NOT NULL PRIMARY KEY, commit_rank BIGINT NOT NULL,"
                        + " node VARCHAR(20) NOT NULL)");
    }

    /** {@code pool}, with every connection it hands out witnessing its commits as {@code node}. */
    static DataSource around(DataSource pool, String node) {
        return (DataSource) Proxy.newProxyInstance(CommitWitness.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, pool, args);
                    return result instanceof Connection c && method.getName().equals("getConnection")
                            ? new Watched(c, node).proxy() : result;
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** One connection's watch: the events of its open transaction, by id, with their bucket. */
    private static final class Watched implements InvocationHandler {
        private final Connection real;
        private final String node;
        private final Map<String, Integer> pending = new HashMap<>();
        private Connection proxy;

        Watched(Connection real, String node) {
            this.real = real;
            this.node = node;
        }

        Connection proxy() {
            proxy = (Connection) Proxy.newProxyInstance(CommitWitness.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, this);
            return proxy;
        }

        @Override
        public Object invoke(Object p, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "commit" -> {
                    if (!pending.isEmpty()) {
                        stamp();
                    }
                    pending.clear();
                }
                case "rollback", "close" -> pending.clear();
                default -> {
                }
            }
            Object result = CommitWitness.invoke(method, real, args);
            if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
                    && sql.startsWith(OUTBOX_INSERT)) {
                return outboxInsert((PreparedStatement) result);
            }
            return result;
        }

        /** Records the tenant (1), event id (2), aggregate type (3) and id (4) of each row the statement inserts. */
        private PreparedStatement outboxInsert(PreparedStatement statement) {
            Object[] row = new Object[4];
            return (PreparedStatement) Proxy.newProxyInstance(CommitWitness.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (p, method, args) -> {
                        String name = method.getName();
                        if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i
                                && i >= 1 && i <= 4) {
                            row[i - 1] = args[1];
                        } else if (name.equals("addBatch") || name.equals("executeUpdate")
                                || name.equals("execute")) {
                            String id = row[1] instanceof UUID u ? u.toString() : String.valueOf(row[1]);
                            pending.put(id, bucket(String.valueOf(row[0]), String.valueOf(row[2]),
                                    String.valueOf(row[3])));
                        }
                        return CommitWitness.invoke(method, statement, args);
                    });
        }

        /** Takes each bucket's next rank, in ascending bucket order, and stores it for the bucket's events. */
        private void stamp() throws SQLException {
            Map<Integer, Long> ranks = new TreeMap<>();
            try (PreparedStatement up = real.prepareStatement("UPDATE soak_commit_clock SET n = n + 1 WHERE bucket = ?");
                    PreparedStatement read = real.prepareStatement("SELECT n FROM soak_commit_clock WHERE bucket = ?")) {
                for (int bucket : new TreeSet<>(pending.values())) {
                    up.setInt(1, bucket);
                    up.executeUpdate();
                    read.setInt(1, bucket);
                    try (ResultSet rs = read.executeQuery()) {
                        rs.next();
                        ranks.put(bucket, rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement insert = real.prepareStatement(
                    "INSERT INTO soak_event_rank (event_id, commit_rank, node) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, Integer> e : pending.entrySet()) {
                    insert.setString(1, e.getKey());
                    insert.setLong(2, ranks.get(e.getValue()));
                    insert.setString(3, node);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** Creates the test's tables and their counter rows, on a fresh connection of the parent. */
    static void install(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : schema()) {
                s.execute(ddl);
            }
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO soak_commit_clock (bucket, n) VALUES (?, 0)")) {
            for (int b = 0; b < BUCKETS; b++) {
                insert.setInt(1, b);
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
