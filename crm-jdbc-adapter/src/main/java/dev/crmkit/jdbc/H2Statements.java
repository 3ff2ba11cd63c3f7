package dev.crmkit.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept open on H2's connections, so a statement text the adapter runs again is not parsed again.
 *
 * <p>Why: H2 parses every statement it is asked to prepare unless the session's query cache holds it, and that cache
 * keeps 8 statements by default ({@code QUERY_CACHE_SIZE}); a ticket's open and routing run about 20 statement texts
 * each time, so with the default every one was parsed again (a third of CRMKit's time on H2 in a JFR profile of the
 * ticket benchmark, where raw JDBC prepared its statements once). PostgreSQL's and MariaDB's drivers keep their own
 * statements (pgjdbc prepares a statement on the server and keeps it per connection; MariaDB Connector/J sends the
 * text), so only H2 takes this path.
 *
 * <p>How: the statements live on H2's own connection, beneath HikariCP's proxy ({@code unwrap(Connection.class)}), so
 * the pool does not close them when the connection goes back to it; at most {@value #PER_CONNECTION} per connection,
 * the least recently used closed first. Beneath any other wrapper of a connection the adapter does not look, since it
 * may observe or change the statements run through it (tracing, metrics, a test's injected faults): there every
 * statement is prepared on the connection given and closed after its use, as before. A statement is taken out while it
 * is in use and put back when the caller closes it, with its parameters and batch cleared, so two uses of one text at
 * once get two statements. A statement whose use failed is closed, not kept. H2 prepares a kept statement again by
 * itself when the schema it reads has changed since. Statements of closed connections are dropped when a new
 * connection comes.
 */
final class H2Statements {
    /** How many statements each connection keeps. */
    static final int PER_CONNECTION = 256;

    private final Map<Connection, Map<String, PreparedStatement>> kept = new ConcurrentHashMap<>();

    /**
     * A statement of {@code sql} on {@code connection}'s physical connection: a kept one, or a new one. Closing it puts
     * it back.
     */
    PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        Connection physical = h2sOwn(connection);
        if (physical == null) {
            return connection.prepareStatement(sql);
        }
        Map<String, PreparedStatement> idle = kept.get(physical);
        if (idle == null) {
            dropClosedConnections();
            idle = kept.computeIfAbsent(physical, c -> new LeastRecentlyUsed());
        }
        PreparedStatement statement;
        synchronized (idle) {
            statement = idle.remove(sql);
        }
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
        }
        return lent(idle, sql, statement);
    }

    /**
     * H2's own connection: the one given, or the one beneath HikariCP's proxy; null beneath any other wrapper. Classes
     * are told by name, so the adapter depends on neither library.
     */
    private static Connection h2sOwn(Connection connection) throws SQLException {
        if (isH2s(connection)) {
            return connection;
        }
        if (connection.getClass().getName().startsWith("com.zaxxer.hikari.")
                && connection.isWrapperFor(Connection.class)) {
            Connection beneath = connection.unwrap(Connection.class);
            return isH2s(beneath) ? beneath : null;
        }
        return null;
    }

    private static boolean isH2s(Connection connection) {
        return connection.getClass().getName().startsWith("org.h2.");
    }

    /** How many statements are kept on all connections; for tests. */
    int size() {
        return kept.values().stream().mapToInt(m -> {
            synchronized (m) {
                return m.size();
            }
        }).sum();
    }

    private void dropClosedConnections() {
        for (Iterator<Connection> i = kept.keySet().iterator(); i.hasNext(); ) {
            Connection c = i.next();
            try {
                if (c.isClosed()) {
                    i.remove();
                }
            } catch (SQLException e) {
                i.remove();
            }
        }
    }

    /** The statement as the caller sees it: closing it returns it to {@code idle}, unless a use of it failed. */
    private static PreparedStatement lent(Map<String, PreparedStatement> idle, String sql, PreparedStatement real) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean closed;
            private boolean failed;

            @Override
            public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close" -> {
                        if (!closed) {
                            closed = true;
                            giveBack();
                        }
                        return null;
                    }
                    case "isClosed" -> {
                        return closed;
                    }
                    case "equals" -> {
                        return proxy == args[0];
                    }
                    case "hashCode" -> {
                        return System.identityHashCode(proxy);
                    }
                    default -> {
                        if (closed) {
                            throw new SQLException("the statement is closed");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            failed = true;
                            throw e.getCause();
                        }
                    }
                }
            }

            private void giveBack() throws SQLException {
                if (failed) {
                    real.close();
                    return;
                }
                try {
                    real.clearParameters();
                    real.clearBatch();
                } catch (SQLException e) {
                    real.close();
                    return;
                }
                PreparedStatement displaced;
                synchronized (idle) {
                    displaced = idle.put(sql, real);
                }
                if (displaced != null && displaced != real) {
                    displaced.close();
                }
            }
        };
        return (PreparedStatement) Proxy.newProxyInstance(H2Statements.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    /** A connection's idle statements by text, the least recently used closed when there are too many. */
    private static final class LeastRecentlyUsed extends LinkedHashMap<String, PreparedStatement> {
        private static final long serialVersionUID = 1L;

        LeastRecentlyUsed() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= PER_CONNECTION) {
                return false;
            }
            try {
                eldest.getValue().close();
            } catch (SQLException ignored) {
                // the statement is dropped either way
            }
            return true;
        }
    }
}
