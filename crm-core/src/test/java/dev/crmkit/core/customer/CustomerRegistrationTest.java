package dev.crmkit.core.customer;

import static dev.crmkit.core.customer.CustomerFixtures.webShopPerson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerRegistrationTest {
    private final CustomerFixtures.World world = CustomerFixtures.world();
    private final CustomerService customers = world.customers();

    @Test
    void web_shop_person_is_stored_with_normalized_contact_points() {
        // when
        Customer anna = customers.register(webShopPerson()).customer();

        // then
        assertThat(anna.kind()).isEqualTo(PartyKind.PERSON);
        assertThat(anna.displayName()).isEqualTo("Anna Müller");
        assertThat(anna.lifecycleStage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(anna.primary(ContactPointKind.EMAIL)).get().extracting(ContactPoint::value)
                .isEqualTo("anna.mueller@example.com");
        assertThat(anna.primary(ContactPointKind.PHONE)).get().extracting(ContactPoint::value)
                .isEqualTo("+49301234567");
        assertThat(anna.primary(ContactPointKind.POSTAL)).get().extracting(ContactPoint::value)
                .isEqualTo("friedrichstrasse 12|10117|berlin|DE");
        assertThat(anna.tags()).containsExactly("webshop");
        assertThat(anna.externalRef()).isEqualTo("WS-1001");
        assertThat(customers.get(anna.id())).isEqualTo(anna);
    }

    @Test
    void name_key_is_accent_folded_family_name_and_initial() {
        Customer anna = customers.register(webShopPerson()).customer();

        assertThat(world.storage().customers().get("acme", anna.id()).orElseThrow().nameKey()).isEqualTo("mueller a");
    }

    @Test
    void first_contact_point_of_a_kind_is_primary_and_later_ones_are_not() {
        // given
        Customer anna = customers.register(webShopPerson().withEmail("anna@work.example")).customer();

        // then
        assertThat(anna.contactPoints(ContactPointKind.EMAIL)).extracting(ContactPoint::value, ContactPoint::primary)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("anna.mueller@example.com", true),
                        org.assertj.core.groups.Tuple.tuple("anna@work.example", false));
    }

    @Test
    void organization_takes_its_name_as_display_name() {
        Customer supplier = customers.register(CustomerFixtures.supplierCompany()).customer();

        assertThat(supplier.kind()).isEqualTo(PartyKind.ORGANIZATION);
        assertThat(supplier.displayName()).isEqualTo("Supplier GmbH");
        assertThat(supplier.primary(ContactPointKind.PHONE)).get().extracting(ContactPoint::value)
                .isEqualTo("+49894444444");
    }

    @Test
    void a_taken_external_reference_is_a_duplicate() {
        customers.register(webShopPerson());

        assertThatThrownBy(() -> customers.register(dev.crmkit.core.customer.RegisterPerson.named("Otto", "Other")
                .withExternalRef("WS-1001")))
                .isInstanceOf(DuplicateException.class);
    }

    @Test
    void unknown_id_is_not_found() {
        assertThatThrownBy(() -> customers.get(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void contact_points_can_be_added_removed_and_made_primary() {
        // given
        Customer anna = customers.register(webShopPerson()).customer();
        ContactPoint work = customers.addContactPoint(anna.id(), NewContactPoint.email("ANNA@work.example").labelled("work"));
        assertThat(work.primary()).isFalse();

        // when
        Customer afterPrimary = customers.setPrimaryContactPoint(anna.id(), work.id());

        // then
        assertThat(afterPrimary.primary(ContactPointKind.EMAIL)).get().extracting(ContactPoint::id).isEqualTo(work.id());
        assertThat(afterPrimary.contactPoints(ContactPointKind.EMAIL)).filteredOn(ContactPoint::primary).hasSize(1);

        // when the primary is removed, the other one is promoted
        Customer afterRemove = customers.removeContactPoint(anna.id(), work.id());
        assertThat(afterRemove.contactPoints(ContactPointKind.EMAIL)).singleElement()
                .extracting(ContactPoint::value, ContactPoint::primary)
                .containsExactly("anna.mueller@example.com", true);
    }

    @Test
    void an_owner_who_is_no_team_member_is_refused_and_nothing_changes() {
        Customer anna = customers.register(webShopPerson()).customer();
        UUID stranger = UUID.randomUUID();

        assertThatThrownBy(() -> customers.assignOwner(anna.id(), stranger))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("ownerId");
        assertThatThrownBy(() -> customers.register(CustomerFixtures.tradeFairContact().withOwner(stranger)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("ownerId");

        assertThat(customers.get(anna.id()).ownerId()).isNull();
        assertThat(customers.get(anna.id()).version()).isEqualTo(anna.version());
        assertThat(world.storage().customers().count("acme", new CustomerCriterion.All())).isEqualTo(1);
    }

    @Test
    void without_a_domain_that_knows_owners_any_owner_id_is_taken_as_given() {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).modules(new CustomerModule()).build();
        CustomerService alone = crm.tenant("acme").service(CustomerService.class);
        UUID owner = UUID.randomUUID();

        Customer jonas = alone.register(CustomerFixtures.tradeFairContact().withOwner(owner)).customer();

        assertThat(jonas.ownerId()).isEqualTo(owner);
    }

    @Test
    void owner_tags_and_details_change() {
        Customer anna = customers.register(webShopPerson()).customer();

        UUID sales7 = world.owner("sales-7");
        customers.assignOwner(anna.id(), sales7);
        customers.tag(anna.id(), "vip");
        customers.untag(anna.id(), "webshop");
        Customer changed = customers.updateDetails(new UpdateDetails(anna.id(), "Anna Schmidt", null, "Schmidt", null, null));

        assertThat(changed.ownerId()).isEqualTo(sales7);
        assertThat(changed.tags()).containsExactly("vip");
        assertThat(changed.displayName()).isEqualTo("Anna Schmidt");
        assertThat(world.storage().customers().get("acme", anna.id()).orElseThrow().nameKey()).isEqualTo("schmidt a");
    }

    @Test
    void find_pages_through_live_customers_by_criterion() {
        // given
        Set<UUID> tagged = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            Customer c = customers.register(RegisterPerson.named("Kim", "Nr" + i).withTag("newsletter")).customer();
            tagged.add(c.id());
        }
        customers.register(RegisterPerson.named("Lee", "Untagged"));

        // when
        Set<UUID> seen = new HashSet<>();
        PageRequest request = PageRequest.first(2);
        while (true) {
            var page = customers.find(new CustomerCriterion.HasTag("newsletter"), request);
            page.items().forEach(c -> assertThat(seen.add(c.id())).isTrue());
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page.next().orElseThrow());
        }

        // then
        assertThat(seen).isEqualTo(tagged);
    }

    @Test
    void person_is_linked_to_an_organization_with_a_role() {
        Customer jonas = customers.register(CustomerFixtures.tradeFairContact()).customer();
        Customer supplier = customers.register(CustomerFixtures.supplierCompany()).customer();

        Relationship buyer = customers.link(jonas.id(), supplier.id(), "buyer");

        assertThat(customers.relationships(supplier.id())).containsExactly(buyer);
        assertThatThrownBy(() -> customers.link(supplier.id(), jonas.id(), "buyer"))
                .isInstanceOf(dev.crmkit.model.ValidationException.class)
                .hasMessageContaining("personId");
        customers.unlink(buyer.id());
        assertThat(customers.relationships(jonas.id())).isEmpty();
    }

    @Test
    void a_value_the_customer_already_has_is_not_added_twice() {
        Customer anna = customers.register(webShopPerson()).customer();

        assertThatThrownBy(() -> customers.addContactPoint(anna.id(), NewContactPoint.phone("+49 (30) 123 4567")))
                .isInstanceOfSatisfying(dev.crmkit.model.ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("contactPoint.value"));
    }

    @Test
    void another_customers_contact_point_is_not_found() {
        Customer anna = customers.register(webShopPerson()).customer();
        Customer supplier = customers.register(CustomerFixtures.supplierCompany()).customer();
        UUID supplierEmail = supplier.contactPoints(ContactPointKind.EMAIL).get(0).id();

        assertThatThrownBy(() -> customers.setPrimaryContactPoint(anna.id(), supplierEmail))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> customers.removeContactPoint(anna.id(), supplierEmail))
                .isInstanceOf(NotFoundException.class);
        assertThat(customers.get(supplier.id()).contactPoints()).hasSize(2);
    }
}
