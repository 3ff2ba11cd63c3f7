package dev.crmkit.core.customer;

import static dev.crmkit.core.customer.CustomerFixtures.callCentrePerson;
import static dev.crmkit.core.customer.CustomerFixtures.webShopPerson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Actor;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.model.touchpoint.TaskStatus;
import dev.crmkit.model.touchpoint.TimelineFilter;
import dev.crmkit.spi.outbox.OutboxEvent;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import dev.crmkit.spi.touchpoint.TaskRecord;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MergeTest {
    private final CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.ALLOW);
    private final CustomerService customers = world.customers();
    private final Actor clerk = Actor.user("clerk-1");

    private void recordCallWith(UUID customerId) {
        Instant now = world.clock().instant();
        world.storage().interactions().insert(new InteractionRecord("acme", UUID.randomUUID(), 1, now, now, customerId,
                Channel.PHONE, Direction.INBOUND, Purpose.SERVICE, "reached", "agent-1", null, now, null));
    }

    private void openTaskFor(UUID customerId) {
        Instant now = world.clock().instant();
        world.storage().tasks().insert(new TaskRecord("acme", UUID.randomUUID(), 1, now, now, customerId, null,
                "Call back", "agent-1", now.plusSeconds(3600), TaskStatus.OPEN, null));
    }

    @Test
    void survivor_gains_the_merged_customers_contact_points_tags_interactions_and_tasks() {
        // given
        Customer survivor = customers.register(webShopPerson()).customer();
        Customer merged = customers.register(callCentrePerson().withEmail("anna.private@example.com").withTag("hotline"))
                .customer();
        recordCallWith(merged.id());
        openTaskFor(merged.id());
        world.drainOutbox();

        // when
        Customer result = customers.merge(survivor.id(), merged.id(), clerk);

        // then the survivor keeps its id and primaries, and repeated values are not duplicated
        assertThat(result.id()).isEqualTo(survivor.id());
        assertThat(result.tags()).containsExactly("hotline", "webshop");
        assertThat(result.contactPoints(ContactPointKind.PHONE)).singleElement()
                .extracting(ContactPoint::value).isEqualTo("+49301234567");
        assertThat(result.contactPoints(ContactPointKind.EMAIL)).extracting(ContactPoint::value, ContactPoint::primary)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("anna.mueller@example.com", true),
                        org.assertj.core.groups.Tuple.tuple("anna.private@example.com", false));
        // and touch points moved, read straight from the SPI stores
        assertThat(world.storage().interactions().timeline("acme", survivor.id(), TimelineFilter.everything(),
                PageRequest.first(10)).items()).hasSize(1);
        assertThat(world.storage().tasks().openForCustomer("acme", survivor.id(), PageRequest.first(10)).items())
                .hasSize(1);
        assertThat(world.storage().tasks().openForCustomer("acme", merged.id(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void merged_customer_resolves_to_survivor() {
        Customer survivor = customers.register(webShopPerson()).customer();
        Customer merged = customers.register(callCentrePerson()).customer();

        customers.merge(survivor.id(), merged.id(), clerk);

        assertThat(customers.get(merged.id()).id()).isEqualTo(survivor.id());
        assertThat(world.storage().customers().get("acme", merged.id()).orElseThrow().mergedInto())
                .isEqualTo(survivor.id());
        assertThat(world.storage().customers().count("acme", CustomerCriterion.all())).isEqualTo(1);
    }

    @Test
    void relationships_move_to_the_survivor() {
        Customer survivor = customers.register(webShopPerson()).customer();
        Customer merged = customers.register(callCentrePerson()).customer();
        Customer supplier = customers.register(CustomerFixtures.supplierCompany()).customer();
        customers.link(merged.id(), supplier.id(), "buyer");

        customers.merge(survivor.id(), merged.id(), clerk);

        assertThat(customers.relationships(survivor.id())).singleElement()
                .extracting(Relationship::personId).isEqualTo(survivor.id());
    }

    @Test
    void merge_event_records_the_actor() {
        Customer survivor = customers.register(webShopPerson()).customer();
        Customer merged = customers.register(callCentrePerson()).customer();
        recordCallWith(merged.id());
        world.drainOutbox();

        customers.merge(survivor.id(), merged.id(), clerk);

        OutboxEvent event = world.drainOutbox().stream().filter(e -> e.type().equals("customer.merged"))
                .findFirst().orElseThrow();
        assertThat(event.aggregateId()).isEqualTo(survivor.id().toString());
        assertThat(event.payload()).contains("\"clerk-1\"").contains(merged.id().toString())
                .contains("\"interactions\":1");
    }

    @Test
    void a_customer_cannot_be_merged_into_itself() {
        Customer anna = customers.register(webShopPerson()).customer();

        assertThatThrownBy(() -> customers.merge(anna.id(), anna.id(), clerk)).isInstanceOf(ValidationException.class);
    }
}
