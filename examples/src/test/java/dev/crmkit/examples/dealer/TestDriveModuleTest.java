package dev.crmkit.examples.dealer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.port.RecordingEventListener;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The dealer's own domain on real H2, registered through CRMKit's public module API: its service, events, reminder and
 * merge part work as the built-in domains' do, and a storage without its capability is refused at build time.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TestDriveModuleTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final HikariDataSource h2 = pool();
    private final JdbcStorage jdbc = JdbcStorage.builder().dataSource(h2).migrate(true).build();
    private final JdbcTestDrives testDrives = new JdbcTestDrives(jdbc);
    private final RecordingEventListener listener = new RecordingEventListener();
    private final Crm crm;
    private final TenantCrm dealer;
    private final TestDriveService drives;
    private final CustomerService customers;

    TestDriveModuleTest() {
        testDrives.createTable();
        crm = Crm.builder().storage(jdbc.with(TestDriveStorage.class, testDrives)).module(new TestDriveModule())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).listener(listener).build();
        dealer = crm.tenant("autohaus");
        drives = dealer.service(TestDriveService.class);
        customers = dealer.service(CustomerService.class);
    }

    private static HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:dealer-test-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    @AfterEach
    void closePool() {
        h2.close();
    }

    private UUID customer(String given) {
        return customers.register(RegisterPerson.named(given, "Weber")).customer().id();
    }

    private List<String> eventTypes() {
        while (crm.relay().relayOnce().claimed() > 0) {
            // drain
        }
        return listener.received().stream().map(e -> e.type()).filter(t -> t.startsWith("dealer.")).toList();
    }

    @Test
    void a_booking_is_stored_with_its_event_and_its_reminder_the_day_before() {
        UUID jonas = customer("Jonas");

        TestDriveRecord drive = drives.book(new BookTestDrive(jonas, " EV6-GT ", NOW.plus(Duration.ofDays(3))));

        assertThat(drives.forCustomer(jonas)).containsExactly(drive);
        assertThat(drive.vehicle()).isEqualTo("EV6-GT");
        assertThat(jdbc.dueWork().find("autohaus", TestDriveService.REMINDER_DUE, drive.id().toString()))
                .hasValueSatisfying(w -> assertThat(w.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(2))));
        assertThat(eventTypes()).containsExactly("dealer.test-drive.booked");
    }

    @Test
    void merging_two_customers_moves_the_merged_ones_drives_and_the_merge_event_counts_them() {
        UUID survivor = customer("Jonas");
        UUID duplicate = customer("Jonas");
        drives.book(new BookTestDrive(duplicate, "ID4-PRO", NOW.plus(Duration.ofDays(1))));
        drives.book(new BookTestDrive(duplicate, "EV6-GT", NOW.plus(Duration.ofDays(2))));

        customers.merge(survivor, duplicate, Actor.user("desk-2"));

        assertThat(drives.forCustomer(survivor)).extracting(TestDriveRecord::vehicle).containsExactly("ID4-PRO", "EV6-GT");
        assertThat(drives.forCustomer(duplicate)).as("the merged id resolves to the survivor").hasSize(2);
        eventTypes();
        assertThat(listener.received()).filteredOn(e -> e.type().equals("customer.merged")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("\"testDrives\":2"));
    }

    @Test
    void a_completed_drive_cannot_be_cancelled_and_its_reminder_is_gone() {
        UUID jonas = customer("Jonas");
        TestDriveRecord drive = drives.book(new BookTestDrive(jonas, "EV6-GT", NOW.plus(Duration.ofDays(3))));

        drives.complete(drive.id());

        assertThatThrownBy(() -> drives.cancel(drive.id())).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("COMPLETED").hasMessageContaining("CANCELLED");
        assertThat(jdbc.dueWork().find("autohaus", TestDriveService.REMINDER_DUE, drive.id().toString())).isEmpty();
        assertThat(eventTypes()).containsExactly("dealer.test-drive.booked", "dealer.test-drive.completed");
    }

    @Test
    void bad_bookings_name_the_field_and_store_nothing() {
        UUID jonas = customer("Jonas");

        assertThatThrownBy(() -> drives.book(new BookTestDrive(jonas, "EV6-GT", NOW.minusSeconds(1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("startsAt"));
        assertThatThrownBy(() -> new BookTestDrive(jonas, " ", NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("vehicle"));
        assertThatThrownBy(() -> drives.book(new BookTestDrive(UUID.randomUUID(), "EV6-GT", NOW.plusSeconds(60))))
                .isInstanceOf(NotFoundException.class);
        assertThat(drives.forCustomer(jonas)).isEmpty();
        assertThat(eventTypes()).isEmpty();
    }

    @Test
    void a_storage_without_the_test_drive_capability_is_refused_at_build_time_naming_it() {
        assertThatThrownBy(() -> Crm.builder().storage(jdbc).module(new TestDriveModule()).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("storage");
                    assertThat(e.getMessage()).contains("TestDriveStorage").contains("dealer.test-drive");
                });
    }

    @Test
    void the_dealers_event_types_join_the_catalogue_under_its_own_names() {
        assertThat(crm.events().definitions()).filteredOn(d -> d.domain().equals(TestDriveModule.NAME))
                .extracting(d -> d.type() + " v" + d.version())
                .containsExactlyInAnyOrder("dealer.test-drive.booked v1", "dealer.test-drive.reminder-due v1",
                        "dealer.test-drive.completed v1", "dealer.test-drive.cancelled v1");
    }
}
