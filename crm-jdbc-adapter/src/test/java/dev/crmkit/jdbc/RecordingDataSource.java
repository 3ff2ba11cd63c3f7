package dev.crmkit.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that, while {@link #recording}, notes every statement run on its connections with the values bound to
 * it, so a test can plan exactly what the adapter ran ({@link #replay}). It records only; it changes nothing.
 */
final class RecordingDataSource implements DataSource {
    private final DataSource target;
    private final List<Recorded> statements = new CopyOnWriteArrayList<>();
    private volatile boolean recording;

    RecordingDataSource(DataSource target) {
        this.target = target;
    }

    /** A statement as it ran: its text and, for a prepared one, a setter call per bound parameter, in order. */
    record Recorded(String sql, boolean prepared, Map<Integer, Binding> bindings) {
    }

    /** One call of a {@code PreparedStatement.setXxx(index, value...)} method. */
    record Binding(Method setter, Object[] arguments) {
    }

    /** Runs {@code work} and returns the statements it ran on connections of this data source. */
    List<Recorded> record(Runnable work) {
        statements.clear();
        recording = true;
        try {
            work.run();
        } finally {
            recording = false;
        }
        return List.copyOf(statements);
    }

    /** Prepares {@code prefix + statement} on {@code connection} and binds the values the statement ran with. */
    static PreparedStatement replay(Connection connection, String prefix, Recorded statement) throws SQLException {
        PreparedStatement replayed = connection.prepareStatement(prefix + statement.sql());
        for (Binding binding : statement.bindings().values()) {
            try {
                binding.setter().invoke(replayed, binding.arguments());
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new SQLException("cannot bind the recorded value again", e);
            }
        }
        return replayed;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connection(target.getConnection(username, password));
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (method, args, result) -> {
            if (recording && method.getName().equals("prepareStatement")) {
                Recorded recorded = new Recorded((String) args[0], true, new TreeMap<>());
                statements.add(recorded);
                return proxy(PreparedStatement.class, (PreparedStatement) result, (m, a, r) -> {
                    if (m.getName().startsWith("set") && a.length >= 2 && a[0] instanceof Integer index) {
                        recorded.bindings().put(index, new Binding(m, a.clone()));
                    }
                    return r;
                });
            }
            if (recording && method.getName().equals("createStatement")) {
                return proxy(Statement.class, (Statement) result, (m, a, r) -> {
                    if (m.getName().startsWith("execute") && a.length >= 1 && a[0] instanceof String sql) {
                        statements.add(new Recorded(sql, false, Map.of()));
                    }
                    return r;
                });
            }
            return result;
        });
    }

    /** {@code target} behind a proxy that hands every call's result to {@code after}, which returns the result. */
    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object[] arguments = args == null ? new Object[0] : args;
            Object result;
            try {
                result = method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.call(method, arguments, result);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @FunctionalInterface
    private interface After {
        Object call(Method method, Object[] args, Object result) throws Throwable;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
