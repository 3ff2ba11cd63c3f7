package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Actor;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.PostalAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link CustomerService#duplicateGroups}: the groups the review queue's open pairs make, a page at a time. */
class QueuedDuplicateGroupsTest {
    private final CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.ALLOW);
    private final CustomerService customers = world.customers();
    private final Actor clerk = Actor.user("clerk-1");

    private UUID register(RegisterPerson person) {
        return customers.register(person).customer().id();
    }

    private List<DuplicateGroup> allGroups(int pageSize) {
        List<DuplicateGroup> all = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<DuplicateGroup> page = customers.duplicateGroups(request);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            all.addAll(page.items());
            if (!page.hasNext()) {
                return all;
            }
            assertThat(page.items()).as("a page with a next cursor is full").hasSize(pageSize);
            request = request.next(page.next().orElseThrow());
        }
    }

    private DuplicatePair pairOf(UUID a, UUID b) {
        return customers.suspectedDuplicates(a, PageRequest.first(100)).items().stream()
                .filter(p -> p.involves(b)).findFirst().orElseThrow();
    }

    @Test
    void the_open_pairs_at_the_duplicate_threshold_connect_customers_into_groups_best_pair_first() {
        // given: a chain a-b by e-mail, b-c by phone; d-e by similar name and address; f the same name as d only
        UUID a = register(RegisterPerson.named("Anna", "Müller").withEmail("anna@example.com"));
        UUID b = register(RegisterPerson.named("A.", "Mueller").withEmail("ANNA@example.com").withPhone("030 1234567"));
        UUID c = register(RegisterPerson.named("Annemarie", "Müller").withPhone("+49 30 1234567"));
        PostalAddress munich = new PostalAddress("Leopoldstraße 1", "München", null, "80802", "DE");
        UUID d = register(RegisterPerson.named("Jonas", "Becker").withContactPoint(NewContactPoint.postal(munich)));
        UUID e = register(RegisterPerson.named("Jonass", "Becker").withContactPoint(NewContactPoint.postal(
                new PostalAddress("Leopoldstr. 1", "Muenchen", null, "80802", "DE"))));
        register(RegisterPerson.named("Jonas", "Becker"));
        assertThat(customers.duplicateGroups(PageRequest.first(10)).items()).as("nothing queued yet").isEmpty();
        customers.runDuplicateJob(progress -> true);

        // when
        Page<DuplicateGroup> page = customers.duplicateGroups(PageRequest.first(10));

        // then: the e-mail pair (the best) anchors the first group
        assertThat(page.hasNext()).isFalse();
        assertThat(page.items()).hasSize(2);
        assertThat(page.items().get(0).customerIds()).containsExactlyInAnyOrder(a, b, c);
        assertThat(page.items().get(0).reasons()).containsExactlyInAnyOrder(MatchReason.SAME_EMAIL,
                MatchReason.SAME_PHONE);
        assertThat(page.items().get(1).customerIds()).containsExactlyInAnyOrder(d, e);
        assertThat(page.items().get(1).reasons()).containsExactly(MatchReason.SIMILAR_NAME_SAME_ADDRESS);
    }

    @Test
    void pages_neither_skip_nor_repeat_a_group_across_pages_of_the_queue() {
        // given: 170 groups of three sharing an e-mail each: 510 open pairs, more than one page of the queue
        Set<UUID> everyone = new HashSet<>();
        for (int i = 0; i < 170; i++) {
            String email = "group" + i + "@example.com";
            everyone.add(register(RegisterPerson.named("Peter", "One" + i).withEmail(email)));
            everyone.add(register(RegisterPerson.named("P.", "One" + i).withEmail(email)));
            everyone.add(register(RegisterPerson.named("Pete", "One" + i).withEmail(email)));
        }
        customers.runDuplicateJob(progress -> true);

        // when
        List<DuplicateGroup> groups = allGroups(7);

        // then
        assertThat(groups).hasSize(170).allSatisfy(g -> assertThat(g.customerIds()).hasSize(3));
        Set<UUID> grouped = new HashSet<>();
        groups.forEach(g -> grouped.addAll(g.customerIds()));
        assertThat(grouped).as("every customer in exactly one group").hasSize(510).isEqualTo(everyone);
        assertThat(allGroups(1000)).containsExactlyElementsOf(groups);
    }

    @Test
    void a_possible_duplicate_joins_no_group_and_a_dismissed_pair_splits_one() {
        // given: a-b-c by e-mail and phone, and d-e at 0.85 (an e-mail in common, names differing)
        UUID a = register(RegisterPerson.named("Anna", "Müller").withEmail("anna@example.com"));
        UUID b = register(RegisterPerson.named("A.", "Mueller").withEmail("anna@example.com").withPhone("030 1234567"));
        UUID c = register(RegisterPerson.named("Annemarie", "Müller").withPhone("030 1234567"));
        UUID d = register(RegisterPerson.named("Peter", "Schmidt").withEmail("family@example.com"));
        UUID e = register(RegisterPerson.named("Ute", "Lange").withEmail("family@example.com"));
        customers.runDuplicateJob(progress -> true);
        assertThat(pairOf(d, e).score()).isBetween(0.7, 0.899);

        // when
        DuplicatePair bc = pairOf(b, c);
        customers.dismissDuplicate(bc.id(), bc.version(), "mother and daughter share a phone", clerk);

        // then
        assertThat(allGroups(10)).extracting(DuplicateGroup::customerIds).containsExactly(Set.of(a, b));
    }

    @Test
    void a_merge_takes_the_merged_customer_out_of_its_group() {
        UUID a = register(RegisterPerson.named("Anna", "Müller").withEmail("anna@example.com"));
        UUID b = register(RegisterPerson.named("Anna", "Mueller").withEmail("anna@example.com"));
        UUID c = register(RegisterPerson.named("A.", "Müller").withEmail("anna@example.com"));
        customers.runDuplicateJob(progress -> true);
        assertThat(allGroups(10)).extracting(DuplicateGroup::customerIds).containsExactly(Set.of(a, b, c));

        customers.merge(a, b, clerk);

        assertThat(allGroups(10)).extracting(DuplicateGroup::customerIds).containsExactly(Set.of(a, c));
    }

    @Test
    void a_group_is_read_with_the_tenants_duplicate_threshold() {
        // given: the same pair (0.958: a similar name at one address) queued in two worlds, one of which asks
        // for 0.999 to call a pair a duplicate
        CustomerService strict = CustomerFixtures.world(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.ALLOW)
                .matching("acme", MatchSettings.defaults().withThresholds(0.999, 0.7))).customers();
        PostalAddress munich = new PostalAddress("Leopoldstraße 1", "München", null, "80802", "DE");
        for (CustomerService service : List.of(customers, strict)) {
            service.register(RegisterPerson.named("Jonas", "Becker").withContactPoint(NewContactPoint.postal(munich)));
            service.register(RegisterPerson.named("Jonass", "Becker").withContactPoint(NewContactPoint.postal(munich)));
            service.runDuplicateJob(progress -> true);
        }

        assertThat(customers.duplicateGroups(PageRequest.first(10)).items()).hasSize(1);
        assertThat(strict.suspectedDuplicates(null, PageRequest.first(10)).items()).singleElement()
                .satisfies(p -> assertThat(p.score()).isBetween(0.9, 0.998));
        assertThat(strict.duplicateGroups(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void a_missing_page_or_a_foreign_cursor_is_refused_naming_it() {
        assertThatThrownBy(() -> customers.duplicateGroups(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("page");
        Cursor foreign = Cursor.of(List.of("0.9", UUID.randomUUID().toString()));
        assertThatThrownBy(() -> customers.duplicateGroups(new PageRequest(10, foreign)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cursor");
        Cursor garbled = Cursor.of(List.of("", "high", "not-an-id"));
        assertThatThrownBy(() -> customers.duplicateGroups(new PageRequest(10, garbled)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cursor");
    }
}
