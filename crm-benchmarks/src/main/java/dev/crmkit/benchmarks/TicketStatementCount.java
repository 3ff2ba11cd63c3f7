package dev.crmkit.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.core.Crm;
import dev.crmkit.core.ticket.OpenTicket;
import dev.crmkit.core.ticket.Ticket;
import dev.crmkit.core.ticket.TicketRouting;
import dev.crmkit.core.ticket.TicketService;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Counts the statements {@link TicketBenchmark}'s two units send to the database: a counting {@link DataSource} around
 * the pool counts every {@code execute...} call (a JDBC batch once), by the statement's first words, and every commit
 * and savepoint set or released.
 * After a warm-up of 200 tickets it opens and routes N tickets (the first argument, 100 by default) on the backend the
 * second names ({@code h2} by default) and prints the statements per ticket of each unit.
 *
 * <pre>
 * mvn -q -pl crm-benchmarks -am compile exec:java -Dexec.mainClass=dev.crmkit.benchmarks.TicketStatementCount \
 *     -Dexec.args="100 h2"
 * </pre>
 */
final class TicketStatementCount {
    private static final int WARM_UP = 200;
    /** Connection calls counted apart from the statements. */
    private static final java.util.Set<String> CALLS = java.util.Set.of("COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT");

    private TicketStatementCount() {
    }

    /** The statements sent since the last {@link #take}, by their opening words. */
    private static final class Counter {
        private final Map<String, Integer> counts = new TreeMap<>();

        synchronized void count(String sql) {
            String words = sql.replaceAll("\\s+", " ").trim();
            counts.merge(words.substring(0, Math.min(words.length(), 110)), 1, Integer::sum);
        }

        synchronized Map<String, Integer> take() {
            Map<String, Integer> taken = new TreeMap<>(counts);
            counts.clear();
            return taken;
        }
    }

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Backend backend = args.length > 1 ? Backend.valueOf(args[1].toUpperCase(Locale.ROOT)) : Backend.H2;
        try (HikariDataSource pool = backend.open()) {
            Counter counter = new Counter();
            DataSource counting = counting(pool, counter);
            JdbcStorage storage = JdbcStorage.builder().dataSource(counting).migrate(true).build();
            Crm crm = Crm.builder().storage(storage).build();
            TicketBenchmark benchmark = new TicketBenchmark(pool, storage);
            TicketBenchmark.Tenant tenant = benchmark.setUp(crm, "tickets-count");
            TicketService service = crm.tenant(tenant.id()).service(TicketService.class);
            TicketRouting routing = crm.tenant(tenant.id()).service(TicketRouting.class);
            TicketBenchmark.crmkit(service, routing, tenant, 0, WARM_UP);
            Map<String, Integer> open = new TreeMap<>();
            Map<String, Integer> route = new TreeMap<>();
            counter.take();
            for (int n = WARM_UP; n < WARM_UP + tickets; n++) {
                Ticket ticket = service.open(OpenTicket.of(tenant.customers().get(n % tenant.customers().size()),
                        TicketKind.SERVICE_REQUEST, TicketChannel.EMAIL, "Order " + n + " has not arrived"));
                counter.take().forEach((k, v) -> open.merge(k, v, Integer::sum));
                UUID agent = routing.route(ticket.id()).agentId();
                if (agent == null) {
                    throw new IllegalStateException("ticket " + n + " was queued");
                }
                counter.take().forEach((k, v) -> route.merge(k, v, Integer::sum));
            }
            print("open", open, tickets);
            print("route", route, tickets);
        }
    }

    private static void print(String unit, Map<String, Integer> counts, int tickets) {
        double statements = counts.entrySet().stream().filter(e -> !CALLS.contains(e.getKey()))
                .mapToInt(Map.Entry::getValue).sum() / (double) tickets;
        System.out.printf(Locale.ROOT, "%s: %.2f statements per ticket, %.2f savepoints set and %.2f released around"
                + " the writes, %.2f commits%n", unit, statements,
                counts.getOrDefault("SAVEPOINT", 0) / (double) tickets,
                counts.getOrDefault("RELEASE SAVEPOINT", 0) / (double) tickets,
                counts.getOrDefault("COMMIT", 0) / (double) tickets);
        counts.forEach((sql, n) -> System.out.printf(Locale.ROOT, "  %6.2f  %s%n", n / (double) tickets, sql));
    }

    private static DataSource counting(DataSource pool, Counter counter) {
        return proxy(DataSource.class, pool, (target, method, args) -> {
            Object result = method.invoke(target, args);
            return result instanceof Connection c ? connection(c, counter) : result;
        });
    }

    private static Connection connection(Connection real, Counter counter) {
        return proxy(Connection.class, real, (target, method, args) -> {
            Object result = method.invoke(target, args);
            switch (method.getName()) {
                case "commit" -> counter.count("COMMIT");
                case "setSavepoint" -> counter.count("SAVEPOINT");
                case "releaseSavepoint" -> counter.count("RELEASE SAVEPOINT");
                default -> {
                }
            }
            if (result instanceof PreparedStatement p) {
                return statement(PreparedStatement.class, p, (String) args[0], counter);
            }
            if (result instanceof Statement s) {
                return statement(Statement.class, s, null, counter);
            }
            return result;
        });
    }

    private static <S extends Statement> S statement(Class<S> type, S real, String prepared, Counter counter) {
        return proxy(type, real, (target, method, args) -> {
            String name = method.getName();
            if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                counter.count((prepared != null ? prepared : "batch") + " [batch]");
            } else if (name.startsWith("execute")) {
                counter.count(args != null && args.length > 0 && args[0] instanceof String sql ? sql : prepared);
            }
            return method.invoke(target, args);
        });
    }

    /** A call on the real object, rethrowing what it threw. */
    private interface Call {
        Object on(Object target, java.lang.reflect.Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T real, Call call) {
        InvocationHandler handler = (self, method, args) -> {
            try {
                return call.on(real, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
