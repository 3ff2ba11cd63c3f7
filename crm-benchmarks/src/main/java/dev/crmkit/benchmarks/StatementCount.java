package dev.crmkit.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Counts what a contender sends the database through a {@link DataSource} it wraps: every statement executed (by the
 * first words of its text: {@code SELECT crm_loyalty_ledger}, {@code UPDATE crm_loyalty_membership}, ...), every
 * savepoint set and released, every commit and rollback, every switch of auto-commit, every connection taken. A
 * benchmark runs a few calls through it after the timed part, to say where a call's round trips go; it is not in any
 * timed part.
 */
final class StatementCount {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** {@code dataSource} with every connection it hands out counted here. */
    DataSource around(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (method, args) -> {
            if (method.getName().equals("getConnection")) {
                count("connection taken");
                return connection((Connection) method.invoke(dataSource, args));
            }
            return method.invoke(dataSource, args);
        });
    }

    /** What was counted, by kind, divided by {@code calls}: a line a report can print. */
    String perCall(int calls) {
        Map<String, Double> sorted = new TreeMap<>();
        counts.forEach((kind, n) -> sorted.put(kind, n.sum() / (double) calls));
        double statements = sorted.entrySet().stream().filter(e -> !e.getKey().equals("connection taken"))
                .mapToDouble(Map.Entry::getValue).sum();
        StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "%.1f round trips per call:",
                statements));
        sorted.forEach((kind, n) -> line.append(String.format(java.util.Locale.ROOT, " %s %.2f;", kind, n)));
        return line.toString();
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> {
            switch (method.getName()) {
                case "commit" -> count("commit");
                case "rollback" -> count(args == null ? "rollback" : "rollback to savepoint");
                case "setSavepoint" -> count("savepoint");
                case "releaseSavepoint" -> count("release savepoint");
                case "setAutoCommit" -> {
                    // a switch that changes the mode: MariaDB's driver sends it to the server (set autocommit=0/1)
                    if (connection.getAutoCommit() != (Boolean) args[0]) {
                        count((Boolean) args[0] ? "auto-commit on" : "auto-commit off");
                    }
                }
                default -> {
                    // counted where the statement runs
                }
            }
            Object result = method.invoke(connection, args);
            if (method.getName().equals("prepareStatement")) {
                String sql = (String) args[0];
                return proxy(java.sql.PreparedStatement.class, result, (m, a) -> {
                    if (m.getName().startsWith("execute")) {
                        count(kind(sql));
                    }
                    return m.invoke(result, a);
                });
            }
            if (method.getName().equals("createStatement")) {
                return proxy(Statement.class, result, (m, a) -> {
                    if (m.getName().startsWith("execute") && a != null && a.length > 0 && a[0] instanceof String s) {
                        count(kind(s));
                    }
                    return m.invoke(result, a);
                });
            }
            return result;
        });
    }

    /** The statement's verb and the table it names first. */
    private static String kind(String sql) {
        String[] words = sql.trim().split("\\s+");
        String verb = words[0].toUpperCase(java.util.Locale.ROOT);
        for (String word : words) {
            if (word.startsWith("crm_")) {
                return verb + " " + word.replace("(", "");
            }
        }
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 4)));
    }

    private void count(String kind) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** A call on a wrapped object: what to do, given the method and its arguments. */
    private interface Call {
        Object on(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Call call) {
        InvocationHandler handler = (self, method, args) -> {
            try {
                return call.on(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(StatementCount.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}
