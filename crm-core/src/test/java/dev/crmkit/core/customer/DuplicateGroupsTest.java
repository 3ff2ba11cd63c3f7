package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.model.customer.PostalAddress;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The deprecated {@link CustomerService#findDuplicateGroups()}: its contract holds until it is removed. */
@SuppressWarnings("deprecation")
class DuplicateGroupsTest {
    private final CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.ALLOW);
    private final CustomerService customers = world.customers();

    private UUID register(RegisterPerson person) {
        return customers.register(person).customer().id();
    }

    @Test
    void customers_connected_by_email_phone_or_name_rules_form_groups() {
        // given: a chain a-b by e-mail, b-c by phone; d-e by similar name and address; f alone (the same name only)
        UUID a = register(RegisterPerson.named("Anna", "Müller").withEmail("anna@example.com"));
        UUID b = register(RegisterPerson.named("A.", "Mueller").withEmail("ANNA@example.com").withPhone("030 1234567"));
        UUID c = register(RegisterPerson.named("Annemarie", "Müller").withPhone("+49 30 1234567"));
        PostalAddress munich = new PostalAddress("Leopoldstraße 1", "München", null, "80802", "DE");
        UUID d = register(RegisterPerson.named("Jonas", "Becker").withContactPoint(NewContactPoint.postal(munich)));
        UUID e = register(RegisterPerson.named("Jonass", "Becker").withContactPoint(NewContactPoint.postal(
                new PostalAddress("Leopoldstr. 1", "Muenchen", null, "80802", "DE"))));
        register(RegisterPerson.named("Jonas", "Becker"));

        // when
        var groups = customers.findDuplicateGroups();

        // then
        assertThat(groups).hasSize(2);
        assertThat(groups).anySatisfy(g -> {
            assertThat(g.customerIds()).containsExactlyInAnyOrder(a, b, c);
            assertThat(g.reasons()).containsExactlyInAnyOrder(MatchReason.SAME_EMAIL, MatchReason.SAME_PHONE);
        });
        assertThat(groups).anySatisfy(g -> {
            assertThat(g.customerIds()).containsExactlyInAnyOrder(d, e);
            assertThat(g.reasons()).containsExactly(MatchReason.SIMILAR_NAME_SAME_ADDRESS);
        });
    }

    @Test
    void groups_span_more_than_one_page_of_shared_values() {
        // 600 pairs sharing an e-mail each: more shared values than one page of 500
        for (int i = 0; i < 600; i++) {
            register(RegisterPerson.named("P", "One" + i).withEmail("pair" + i + "@example.com"));
            register(RegisterPerson.named("P.", "One" + i).withEmail("pair" + i + "@example.com"));
        }

        assertThat(customers.findDuplicateGroups()).hasSize(600).allSatisfy(g -> assertThat(g.customerIds()).hasSize(2));
    }

    @Test
    void merged_customers_leave_their_group() {
        UUID a = register(RegisterPerson.named("Anna", "Müller").withEmail("anna@example.com"));
        UUID b = register(RegisterPerson.named("Anna", "Mueller").withEmail("anna@example.com"));

        customers.merge(a, b, dev.crmkit.core.common.Actor.user("clerk-1"));

        assertThat(customers.findDuplicateGroups()).isEmpty();
    }
}
