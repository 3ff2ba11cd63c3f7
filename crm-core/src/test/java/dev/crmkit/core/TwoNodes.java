package dev.crmkit.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Two application nodes on one PostgreSQL or MariaDB database, for tests of what concurrent units on different nodes
 * do to each other: each node has its own connection pool, and both pools record the order in which the units of the
 * test's own threads commit, named by the thread's {@link #as unit name}. The database comes from the JDBC URL in an
 * environment variable ({@code CRMKIT_TEST_POSTGRES_URL}, {@code CRMKIT_TEST_MARIADB_URL}); without it the test is
 * skipped with a message, and fails under {@code CI=true}, so CI never passes by skipping a backend.
 */
public final class TwoNodes implements AutoCloseable {
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<String> UNIT = new ThreadLocal<>();

    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<String> commits = new ArrayList<>();
    private final String url;

    /** The variables naming the two databases, for {@code @MethodSource}. */
    public static Stream<String> databases() {
        return Stream.of("CRMKIT_TEST_POSTGRES_URL", "CRMKIT_TEST_MARIADB_URL");
    }

    /**
     * The database {@code variable} names, migrated; skips the test (or fails it under {@code CI=true}) when the
     * variable is not set, saying which tests of {@code what} it skips.
     */
    public TwoNodes(String variable, String what) {
        String found = System.getenv(variable);
        if (found == null || found.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(variable + " is not set, but CI=true requires every backend");
            }
            if (ANNOUNCED.add(variable + what)) {
                System.err.println("[CRMKit tests] " + variable + " is not set: the two-node tests of " + what
                        + " on it are SKIPPED. Set it to the JDBC URL (with user) of an empty database to run them.");
            }
            assumeTrue(false, "set " + variable + " to run the two-node tests of " + what);
        }
        this.url = found;
        JdbcStorage.builder().dataSource(pool("migration")).migrate(true).build();
    }

    /** The storage of one node: a pool of its own whose commits of named units are recorded. */
    public JdbcStorage node(String name) {
        return node(name, 3);
    }

    /** The storage of one node with a pool of {@code connections}, for tests that run several threads a node. */
    public JdbcStorage node(String name, int connections) {
        return JdbcStorage.builder().dataSource(recordingCommits(pool(name, connections))).build();
    }

    /** A person stored in {@code tenantId} straight through {@code storage}'s customer store, for domains that need one. */
    public static UUID person(JdbcStorage storage, String tenantId, Instant at) {
        UUID id = UUID.randomUUID();
        storage.capability(CustomerStorage.class).orElseThrow().customers().insert(new CustomerRecord(tenantId, id,
                1, at, at, PartyKind.PERSON, "Member", null, null, null, null, null, LifecycleStage.CUSTOMER,
                null, Set.of(), Map.of(), null));
        return id;
    }

    /**
     * {@code real} (a storage capability) with one store wrapped: after that store answers {@code method},
     * {@code afterCall} runs on the calling thread (where a test holds a unit until the other node got as far).
     * {@code store} names the capability's method that gives the store ({@code "ledger"}, {@code "accruals"}).
     */
    public static <C> C afterCall(Class<C> capability, C real, String store, String method, Runnable afterCall) {
        try {
            Method getter = capability.getMethod(store);
            Object wrapped = wrap(getter.getReturnType(), getter.invoke(real), method, afterCall);
            return proxy(capability, real, (name, args, call) -> name.equals(store) ? wrapped : call.get());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(capability.getSimpleName() + " has no store " + store, e);
        }
    }

    private static <T> T wrap(Class<T> type, Object store, String method, Runnable afterCall) {
        return proxy(type, type.cast(store), (name, args, call) -> {
            Object answer = call.get();
            if (name.equals(method)) {
                afterCall.run();
            }
            return answer;
        });
    }

    /** Runs {@code work} on this thread as the unit named {@code name}, so its commit is recorded under that name. */
    public static <T> T as(String name, java.util.function.Supplier<T> work) {
        UNIT.set(name);
        try {
            return work.get();
        } finally {
            UNIT.remove();
        }
    }

    /** The name of the unit running on this thread, or null. */
    public static String currentUnit() {
        return UNIT.get();
    }

    /** The named units in the order they committed, on either node. */
    public List<String> commitOrder() {
        synchronized (commits) {
            return List.copyOf(commits);
        }
    }

    /** Waits for a latch the test's own code counts down, failing rather than hanging when that never happens. */
    public static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a unit of the test never reached the point the other waits for");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
    }

    private HikariDataSource pool(String name) {
        return pool(name, 3);
    }

    private HikariDataSource pool(String name, int connections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(connections);
        config.setPoolName(name);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /**
     * A data source whose connections record a named unit's commit. Commit and record happen under one monitor, so the
     * recorded order is the order in which the database committed the units.
     */
    private DataSource recordingCommits(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = forward(method, real, args);
                    return result instanceof Connection connection ? recordingCommits(connection) : result;
                });
    }

    private Connection recordingCommits(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("commit") || UNIT.get() == null) {
                        return forward(method, real, args);
                    }
                    synchronized (commits) {
                        real.commit();
                        commits.add(UNIT.get());
                        return null;
                    }
                });
    }

    /** Calls {@code method} on {@code target}, throwing what it throws. */
    public static Object forward(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Runs {@code first} as the unit named {@code first} and, once {@code firstReached} has opened (the first unit got
     * to the point the test holds it at), {@code second} as the unit named {@code second} on another thread,
     * counting {@code secondEnded} down when the second ends, however it ends. Returns what the two threw, if anything,
     * first's before second's.
     */
    public static List<Throwable> race(java.util.function.Supplier<?> first, CountDownLatch firstReached,
            java.util.function.Supplier<?> second, CountDownLatch secondEnded) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = threads.submit(() -> as("first", first));
            await(firstReached);
            Future<?> b = threads.submit(() -> {
                try {
                    return as("second", second);
                } finally {
                    secondEnded.countDown();
                }
            });
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> unit : List.of(a, b)) {
                try {
                    unit.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                } catch (TimeoutException e) {
                    throw new IllegalStateException("a unit of the race did not end within 60 s", e);
                }
            }
            return failures;
        } finally {
            threads.shutdownNow();
        }
    }

    /** What a {@link #proxy} does with a call: {@code call} forwards it to the real object. */
    public interface Hook {
        /** Handles the call of {@code method} with {@code args}; {@code call} forwards it to the real object. */
        Object on(String method, Object[] args, Forward call) throws Throwable;
    }

    /** The call forwarded to the real object. */
    public interface Forward {
        /** Makes the call on the real object and returns what it returned. */
        Object get() throws Throwable;
    }

    /** A {@code type} that passes every call on {@code real} through {@code hook}: how a test holds or signals a unit. */
    @SuppressWarnings("unchecked")
    public static <T> T proxy(Class<T> type, T real, Hook hook) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                hook.on(method.getName(), args, () -> forward(method, real, args)));
    }
}
