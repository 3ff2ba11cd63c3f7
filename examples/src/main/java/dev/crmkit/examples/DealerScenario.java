package dev.crmkit.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.customer.Customer;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.examples.dealer.BookTestDrive;
import dev.crmkit.examples.dealer.JdbcTestDrives;
import dev.crmkit.examples.dealer.TestDriveModule;
import dev.crmkit.examples.dealer.TestDriveRecord;
import dev.crmkit.examples.dealer.TestDriveService;
import dev.crmkit.examples.dealer.TestDriveStorage;
import dev.crmkit.jdbc.JdbcStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A car dealer's own domain on CRMKit, on embedded H2: test drives, a domain the dealer wrote without touching CRMKit
 * (package {@code dev.crmkit.examples.dealer}). Drives are booked, a reminder falls due the day before, and when the
 * same buyer turns out to be registered twice, merging the two customers moves the drives to the survivor in the
 * merge's transaction.
 *
 * <pre>mvn -q -pl examples -am compile exec:java</pre>
 */
public final class DealerScenario {
    private static final String TENANT = "autohaus-nord";

    private DealerScenario() {
    }

    public static void main(String[] args) {
        ScenarioClock clock = new ScenarioClock(Instant.parse("2026-11-23T08:00:00Z"));
        List<String> delivered = new ArrayList<>();
        try (HikariDataSource h2 = embeddedH2()) {
            JdbcStorage jdbc = JdbcStorage.builder().dataSource(h2).migrate(true).build();
            JdbcTestDrives testDrives = new JdbcTestDrives(jdbc);
            testDrives.createTable();
            try (Crm crm = Crm.builder()
                    .storage(jdbc.with(TestDriveStorage.class, testDrives))
                    .module(new TestDriveModule())
                    .clock(clock)
                    .defaultPhoneRegion("DE")
                    .nodeId("example-node")
                    .listener(event -> delivered.add(event.type() + " " + event.payload()))
                    .build()) {
                run(crm, clock, delivered);
            }
        }
    }

    private static void run(Crm crm, ScenarioClock clock, List<String> delivered) {
        TenantCrm dealer = crm.tenant(TENANT);
        CustomerService customers = dealer.service(CustomerService.class);
        TestDriveService drives = dealer.service(TestDriveService.class);
        System.out.println("   domains: " + String.join(", ", crm.modules()));

        heading("1. Two bookings, one buyer registered twice");
        Customer online = customers.register(RegisterPerson.named("Jonas", "Weber")
                .withEmail("jonas.weber@example.com")).customer();
        Customer showroom = customers.register(RegisterPerson.named("Jonas", "Weber")
                .withPhone("040 1234567")).customer();
        TestDriveRecord ev6 = drives.book(new BookTestDrive(online.id(), "EV6-GT",
                clock.instant().plus(Duration.ofDays(2))));
        TestDriveRecord id4 = drives.book(new BookTestDrive(showroom.id(), "ID4-PRO",
                clock.instant().plus(Duration.ofDays(3))));
        System.out.printf("   booked %s and %s%n", ev6.vehicle(), id4.vehicle());

        heading("2. A day later the first reminder falls due");
        clock.advance(Duration.ofDays(1).plusHours(1));
        System.out.println("   scheduler: " + crm.scheduler().runDueWork());

        heading("3. Merging the duplicate moves its test drives");
        customers.merge(online.id(), showroom.id(), Actor.user("sales-desk-2"));
        List<TestDriveRecord> merged = drives.forCustomer(online.id());
        System.out.printf("   the survivor now has %d test drive(s): %s%n", merged.size(),
                merged.stream().map(TestDriveRecord::vehicle).toList());
        drives.complete(ev6.id());

        heading("4. What the host's listeners received");
        while (crm.relay().relayOnce().claimed() > 0) {
            // until the outbox is drained
        }
        delivered.stream().filter(e -> e.startsWith("dealer.") || e.startsWith("customer.merged"))
                .forEach(e -> System.out.println("   " + e));
    }

    private static void heading(String title) {
        System.out.println();
        System.out.println(title);
    }

    private static HikariDataSource embeddedH2() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:dealer;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
