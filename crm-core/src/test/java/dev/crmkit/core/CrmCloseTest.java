package dev.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.event.OutboxRelay;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.port.RecordingEventListener;
import dev.crmkit.inmemory.InMemoryStorage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CrmCloseTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final RecordingEventListener listener = new RecordingEventListener();

    private Crm crm() {
        // a poll interval far longer than the test, so only close() can deliver what the test writes
        return Crm.builder().storage(storage).listener(listener)
                .relaySettings(new OutboxRelay.Settings(10, Duration.ofMinutes(1), Duration.ofHours(1))).build();
    }

    @Test
    void closing_a_started_crm_delivers_the_events_still_waiting() {
        Crm crm = crm();
        crm.start();
        for (int i = 0; i < 25; i++) {
            crm.tenant("acme").service(CustomerService.class).register(RegisterPerson.named("Ada", "Lovelace"));
        }

        crm.close();

        assertThat(listener.received()).extracting(PublishedEvent::type).filteredOn("customer.registered"::equals)
                .hasSize(25);
        assertThat(storage.outbox().countUndelivered()).isZero();
    }

    @Test
    void closing_a_crm_whose_relay_the_host_runs_itself_delivers_nothing_on_its_own() {
        Crm crm = crm();
        crm.tenant("acme").service(CustomerService.class).register(RegisterPerson.named("Ada", "Lovelace"));

        crm.close();

        assertThat(listener.received()).isEmpty();
        assertThat(storage.outbox().countUndelivered()).isEqualTo(1);
    }
}
