package dev.crmkit.modulecheck;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.customer.Customer;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.port.RecordingEventListener;
import dev.crmkit.core.touchpoint.RecordInteraction;
import dev.crmkit.core.touchpoint.TouchPointService;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.modulecheck.visit.VisitModule;
import dev.crmkit.spi.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs CRMKit from a named module and prints one {@code key: value} line per fact it observed: which modules the
 * types came from, which of the core's packages are exported, what a reflective call into the internal package
 * gets, the events a customer registration and a touch point relayed (decoded back into their records by the
 * core's Jackson mapper), the same on H2 with the JDBC adapter's migrations, and the storage contract suite's result
 * on the in-memory adapter. {@code ModulePathTest} starts it with every jar on the module path and checks the lines.
 */
public final class ModularHost {
    private ModularHost() {
    }

    /**
     * Prints the facts; exits with an exception when CRMKit fails on the module path.
     *
     * @param args ignored
     * @throws Exception whatever CRMKit or JUnit throws
     */
    public static void main(String[] args) throws Exception {
        Module core = Crm.class.getModule();
        Module host = ModularHost.class.getModule();
        print("host module", host.getName());
        print("core module", core.getName());
        print("in-memory module", InMemoryStorage.class.getModule().getName());
        print("jdbc module", JdbcStorage.class.getModule().getName());
        print("spi module", Storage.class.getModule().getName());
        print("core packages", String.join(",", new TreeSet<>(core.getPackages())));
        print("core exported packages", core.getPackages().stream().filter(core::isExported).sorted()
                .collect(Collectors.joining(",")));
        print("internal exported to host", String.valueOf(core.isExported("dev.crmkit.core.internal", host)));
        print("reflective call into internal", reflectiveCallIntoInternal());
        print("domain module providers", providers(core));
        print("domain module service file", serviceFile(core));

        runOn("in-memory", new InMemoryStorage());

        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:module-check;DB_CLOSE_DELAY=-1");
        runOn("h2", JdbcStorage.builder().dataSource(h2).migrate(true).build());
        print("migration script seen by the class loader", String.valueOf(ClassLoader.getSystemClassLoader()
                .getResource("dev/crmkit/jdbc/migration/postgresql/V1__crm_schema.sql") != null));

        TestExecutionSummary tck = storageContractOnInMemory();
        print("tck", "found=" + tck.getTestsFoundCount() + " succeeded=" + tck.getTestsSucceededCount()
                + " failed=" + tck.getTotalFailureCount() + " skipped=" + tck.getTestsSkippedCount());
        tck.getFailures().stream().limit(3).forEach(failure -> print("tck failure",
                failure.getTestIdentifier().getDisplayName() + ": " + failure.getException()));
    }

    private static void runOn(String backend, Storage storage) {
        RecordingEventListener listener = new RecordingEventListener();
        try (Crm crm = Crm.builder().storage(storage).defaultPhoneRegion("DE").listener(listener)
                .module(new VisitModule()).build()) {
            print(backend + " modules", String.join(",", crm.modules()));
            TenantCrm acme = crm.tenant("acme");
            Customer ada = acme.service(CustomerService.class)
                    .register(RegisterPerson.named("Ada", "Lovelace").withEmail("ada@example.com"))
                    .customer();
            acme.service(TouchPointService.class).record(RecordInteraction.of(ada.id(), Channel.PHONE,
                    Direction.INBOUND, Purpose.SALES, Instant.parse("2026-11-23T10:00:00Z")));
            acme.service(VisitModule.Visits.class).book(ada.id());
            print(backend + " relay", crm.relay().relayOnce().toString());
            for (PublishedEvent event : listener.received()) {
                DomainEvent decoded = crm.events().decode(event).orElseThrow();
                print(backend + " event", event.type() + " v" + event.schemaVersion() + " -> "
                        + decoded.getClass().getName() + " from " + decoded.getClass().getModule().getName());
            }
        }
    }

    private static String reflectiveCallIntoInternal() {
        try {
            Class<?> internal = Class.forName("dev.crmkit.core.internal.Modules");
            internal.getMethod("discovered").invoke(null);
            return "allowed";
        } catch (IllegalAccessException refused) {
            return "refused: " + refused.getMessage();
        } catch (ReflectiveOperationException other) {
            return "failed: " + other;
        }
    }

    private static String providers(Module core) {
        Set<String> names = new TreeSet<>();
        for (ModuleDescriptor.Provides provides : core.getDescriptor().provides()) {
            names.addAll(provides.providers());
        }
        return String.join(",", names);
    }

    private static String serviceFile(Module core) throws IOException {
        try (InputStream in = core.getResourceAsStream("META-INF/services/dev.crmkit.core.module.DomainModule")) {
            if (in == null) {
                return "missing";
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
            return String.join(",", new TreeSet<>(lines));
        }
    }

    private static TestExecutionSummary storageContractOnInMemory() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(InMemoryContract.class))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        return summary.getSummary();
    }

    private static void print(String key, String value) {
        System.out.println(key + ": " + value);
    }
}
