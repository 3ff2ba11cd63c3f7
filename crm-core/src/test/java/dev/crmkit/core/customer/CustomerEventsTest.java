package dev.crmkit.core.customer;

import static dev.crmkit.core.customer.CustomerFixtures.webShopPerson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.spi.outbox.OutboxEvent;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CustomerEventsTest {
    private final CustomerFixtures.World world = CustomerFixtures.world().withCustomFields();
    private final CustomerService customers = world.customers();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void registration_writes_customer_registered_and_one_event_per_contact_point() {
        world.drainOutbox();

        Customer anna = customers.register(webShopPerson().withCustomField("lifetime_value", CustomerFixtures.number("5")))
                .customer();

        List<OutboxEvent> events = world.drainOutbox();
        assertThat(events).extracting(OutboxEvent::type).containsExactly("customer.registered", "customer.contact-point-added",
                "customer.contact-point-added", "customer.contact-point-added");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.aggregateType()).isEqualTo("customer");
            assertThat(e.aggregateId()).isEqualTo(anna.id().toString());
            assertThat(e.tenantId()).isEqualTo("acme");
        });
        JsonNode payload = json.readTree(events.get(0).payload());
        assertThat(payload.has("displayName")).as("no personal data in the payload").isFalse();
        assertThat(events).allSatisfy(e -> assertThat(e.payload()).doesNotContain("Anna", "Müller", "@"));
        assertThat(payload.get("lifecycleStage").asString()).isEqualTo("PROSPECT");
    }

    @Test
    void every_change_records_its_event() {
        UUID anna = customers.register(webShopPerson().withCustomField("lifetime_value", CustomerFixtures.number("5")))
                .customer().id();
        UUID sales1 = world.owner("sales-1");
        world.drainOutbox();

        customers.changeStage(anna, LifecycleStage.CUSTOMER);
        customers.assignOwner(anna, sales1);
        customers.tag(anna, "vip");
        customers.untag(anna, "vip");
        ContactPoint work = customers.addContactPoint(anna, NewContactPoint.email("anna@work.example"));
        customers.setPrimaryContactPoint(anna, work.id());
        customers.removeContactPoint(anna, work.id());
        customers.setCustomField(anna, "loyalty_number", new dev.crmkit.model.customfield.CustomFieldValue.Text("L-1"));
        customers.clearCustomField(anna, "loyalty_number");
        customers.updateDetails(UpdateDetails.displayName(anna, "Anna M."));

        assertThat(world.drainOutbox()).extracting(OutboxEvent::type).containsExactly("customer.stage-changed",
                "customer.owner-assigned", "customer.tagged", "customer.untagged", "customer.contact-point-added",
                "customer.primary-contact-point-changed", "customer.contact-point-removed", "customer.custom-field-set", "customer.custom-field-cleared",
                "customer.updated");
    }

    @Test
    void a_change_that_changes_nothing_records_nothing() {
        UUID anna = customers.register(webShopPerson().withCustomField("lifetime_value", CustomerFixtures.number("5")))
                .customer().id();
        world.drainOutbox();

        customers.tag(anna, "webshop");
        customers.untag(anna, "never-had-it");

        assertThat(world.drainOutbox()).isEmpty();
    }

    @Test
    void a_rejected_change_leaves_no_event() {
        UUID anna = customers.register(webShopPerson().withCustomField("lifetime_value", CustomerFixtures.number("5")))
                .customer().id();
        world.drainOutbox();

        assertThatThrownBy(() -> customers.changeStage(anna, LifecycleStage.FORMER_CUSTOMER))
                .isInstanceOf(dev.crmkit.model.IllegalTransitionException.class);

        assertThat(world.drainOutbox()).isEmpty();
    }
}
