package dev.crmkit.core.customer;

import static dev.crmkit.core.TwoNodes.proxy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.CustomerStore;
import dev.crmkit.spi.outbox.OutboxStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two units on two nodes change one customer at once, on one PostgreSQL and one MariaDB database: the customer's
 * events are delivered in the order the units committed, and its contact-point rules hold across the units.
 *
 * <p>The race is made, not hoped for: node A's unit (named {@code first}) stops right after it appended its event and
 * waits, holding whatever it holds, until node B's unit ({@code second}) asks for the customer's lock, or, when no
 * unit takes that lock, until the second unit has committed. Then the first unit commits. With the lock the second
 * unit waits for the first and reads what it committed; without it, the second commits first, on what it read before
 * the first committed, while the first one's event has the earlier outbox sequence. Both pools record the order in
 * which the two units commit ({@link TwoNodes#commitOrder}).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CustomerOnTwoNodesTest {
    private static final Map<String, String> EVENT_OF_UNIT = Map.of("first", "customer.updated",
            "second", "customer.contact-point-added");

    private final String tenantId = "two-nodes-" + UUID.randomUUID().toString().substring(0, 8);
    private final CountDownLatch firstAppended = new CountDownLatch(1);
    private final CountDownLatch secondMovedOn = new CountDownLatch(1);
    private final List<PublishedEvent> delivered = Collections.synchronizedList(new ArrayList<>());
    private TwoNodes database;
    private Crm nodeA;
    private Crm nodeB;

    @AfterEach
    void closeNodes() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void a_customers_events_are_delivered_in_the_order_their_units_committed(String variable) throws Exception {
        // given
        startNodes(variable);
        UUID customer = customers(nodeA).register(RegisterPerson.named("Ada", "Order")).customer().id();

        // when: node A's update is held open after its event was appended while node B adds a contact point
        race(() -> customers(nodeA).updateDetails(UpdateDetails.displayName(customer, "Ada Order-Lovelace")),
                () -> customers(nodeB).addContactPoint(customer, NewContactPoint.email("ada@example.org")));
        while (nodeA.relay().relayOnce().claimed() > 0) {
            // deliver everything
        }

        // then
        List<String> deliveredTypes = delivered.stream()
                .filter(e -> e.tenantId().equals(tenantId) && e.aggregateId().equals(customer.toString()))
                .map(PublishedEvent::type).filter(EVENT_OF_UNIT::containsValue).toList();
        assertThat(deliveredTypes).as("the customer's events in delivery order")
                .containsExactlyElementsOf(database.commitOrder().stream().map(EVENT_OF_UNIT::get).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void two_units_adding_the_same_address_at_once_store_it_once_and_the_second_is_told(String variable)
            throws Exception {
        // given
        startNodes(variable);
        UUID customer = customers(nodeA).register(RegisterPerson.named("Ada", "Twice")).customer().id();

        // when
        List<Throwable> failures = race(
                () -> customers(nodeA).addContactPoint(customer, NewContactPoint.email("ada@example.org")),
                () -> customers(nodeB).addContactPoint(customer, NewContactPoint.email("ada@example.org")));

        // then
        assertThat(emailsOf(customer)).extracting(ContactPoint::value).containsExactly("ada@example.org");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOf(ValidationException.class).hasMessageContaining("contactPoint.value");
        assertThat(database.commitOrder()).containsExactly("first");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void two_units_adding_a_customers_first_addresses_at_once_make_one_of_them_primary(String variable)
            throws Exception {
        // given: a customer without an e-mail address
        startNodes(variable);
        UUID customer = customers(nodeA).register(RegisterPerson.named("Ada", "Primary")).customer().id();

        // when
        List<Throwable> failures = race(
                () -> customers(nodeA).addContactPoint(customer, NewContactPoint.email("ada@example.org")),
                () -> customers(nodeB).addContactPoint(customer, NewContactPoint.email("ada@example.com")));

        // then
        assertThat(failures).isEmpty();
        assertThat(emailsOf(customer)).hasSize(2).filteredOn(ContactPoint::primary)
                .extracting(ContactPoint::value).containsExactly("ada@example.org");
    }

    private void startNodes(String variable) {
        database = new TwoNodes(variable, "one customer changed on two nodes");
        nodeA = Crm.builder().storage(holdingAfterAppend(database.node("node-a"))).nodeId("node-a")
                .defaultPhoneRegion("DE").listener(delivered::add).build();
        nodeB = Crm.builder().storage(signallingAtLock(database.node("node-b"))).nodeId("node-b")
                .defaultPhoneRegion("DE").build();
    }

    private CustomerService customers(Crm node) {
        return node.tenant(tenantId).service(CustomerService.class);
    }

    private List<ContactPoint> emailsOf(UUID customer) {
        return customers(nodeA).get(customer).contactPoints().stream()
                .filter(p -> p.kind() == ContactPointKind.EMAIL).toList();
    }

    private List<Throwable> race(Supplier<?> first, Supplier<?> second) throws Exception {
        return TwoNodes.race(first, firstAppended, second, secondMovedOn);
    }

    /** Node A's storage: the unit named {@code first} waits after its outbox append until the second moved on. */
    private Storage holdingAfterAppend(JdbcStorage real) {
        OutboxStore outbox = proxy(OutboxStore.class, real.outbox(), (method, args, call) -> {
            Object result = call.get();
            if (method.equals("append") && "first".equals(TwoNodes.currentUnit())) {
                firstAppended.countDown();
                TwoNodes.await(secondMovedOn);
            }
            return result;
        });
        return proxy(Storage.class, real, (method, args, call) -> method.equals("outbox") ? outbox : call.get());
    }

    /** Node B's storage: the unit named {@code second} says it moved on when it asks for a customer's lock. */
    private Storage signallingAtLock(JdbcStorage real) {
        CustomerStorage customerStorage = real.capability(CustomerStorage.class).orElseThrow();
        CustomerStore customers = proxy(CustomerStore.class, customerStorage.customers(), (method, args, call) -> {
            if (method.equals("lock") && "second".equals(TwoNodes.currentUnit())) {
                secondMovedOn.countDown();
            }
            return call.get();
        });
        CustomerStorage signalling = proxy(CustomerStorage.class, customerStorage,
                (method, args, call) -> method.equals("customers") ? customers : call.get());
        return proxy(Storage.class, real, (method, args, call) -> method.equals("capability")
                && args[0] == CustomerStorage.class ? Optional.of(signalling) : call.get());
    }
}
