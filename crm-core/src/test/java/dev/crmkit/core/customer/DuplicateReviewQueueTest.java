package dev.crmkit.core.customer;

import static dev.crmkit.core.customer.CustomerFixtures.berlinAddress;
import static dev.crmkit.core.customer.CustomerFixtures.callCentrePerson;
import static dev.crmkit.core.customer.CustomerFixtures.webShopPerson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.view.CustomerView;
import dev.crmkit.core.view.CustomerViewService;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.DuplicatePairStatus;
import dev.crmkit.model.customer.DuplicateSource;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customer.PostalAddress;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.outbox.OutboxEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The review queue of suspected duplicates: what enters it from registration, import and the bulk job, how a
 * reviewer dismisses, reopens and merges, what a merge does to the merged customer's other pairs, and that a
 * dismissed pair is never suggested again.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DuplicateReviewQueueTest {
    private static final Actor REVIEWER = Actor.user("reviewer-1");

    /** Anna Müller, whose e-mail address a person of another name also gives: 0.85, a possible duplicate. */
    private static RegisterPerson anna() {
        return RegisterPerson.named("Anna", "Müller").withEmail("family@example.com");
    }

    private static RegisterPerson peter() {
        return RegisterPerson.named("Peter", "Schmidt").withEmail("family@example.com");
    }

    private static List<DuplicatePair> queue(CustomerService customers, UUID customerId) {
        return customers.suspectedDuplicates(customerId, PageRequest.first(100)).items();
    }

    private static List<String> types(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::type).toList();
    }

    // --- what enters the queue ---

    @Test
    void a_registration_under_warn_puts_its_candidates_in_the_queue_with_score_reasons_and_source() {
        // given
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN);
        UUID first = world.customers().register(webShopPerson()).customer().id();
        world.drainOutbox();

        // when
        UUID second = world.customers().register(callCentrePerson()).customer().id();

        // then: a duplicate the host flags rather than blocks is queued too
        assertThat(queue(world.customers(), null)).singleElement().satisfies(pair -> {
            assertThat(List.of(pair.firstCustomerId(), pair.secondCustomerId()))
                    .containsExactlyElementsOf(Stream.of(first, second).sorted(Ids.ORDER).toList());
            assertThat(pair.score()).isEqualTo(0.996);
            assertThat(pair.reasons()).containsExactly(MatchReason.SAME_PHONE);
            assertThat(pair.contributions()).containsExactlyInAnyOrderEntriesOf(Map.of(MatchField.PHONE, 7.0,
                    MatchField.FAMILY_NAME, 3.5, MatchField.GIVEN_NAME, 2.5));
            assertThat(pair.source()).isEqualTo(DuplicateSource.REGISTRATION);
            assertThat(pair.status()).isEqualTo(DuplicatePairStatus.OPEN);
            assertThat(pair.foundAt()).isEqualTo(world.clock().instant());
            assertThat(pair.version()).isEqualTo(1);
            assertThat(pair.decision()).isNull();
            assertThat(pair.otherThan(first)).isEqualTo(second);
            assertThat(pair.otherThan(second)).isEqualTo(first);
        });
        assertThat(types(world.drainOutbox())).containsSubsequence("customer.duplicate-suspected",
                "duplicate-pair.suspected");
    }

    @Test
    void under_block_a_possible_duplicate_is_stored_and_queued_and_a_blocked_one_leaves_nothing() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.BLOCK);
        world.customers().register(webShopPerson());
        UUID anna = world.customers().register(anna()).customer().id();

        UUID peter = world.customers().register(peter()).customer().id();
        assertThatThrownBy(() -> world.customers().register(callCentrePerson()));

        assertThat(queue(world.customers(), null)).singleElement().satisfies(pair -> {
            assertThat(Set.of(pair.firstCustomerId(), pair.secondCustomerId())).containsExactlyInAnyOrder(anna, peter);
            assertThat(pair.score()).isEqualTo(0.85);
            assertThat(pair.reasons()).containsExactly(MatchReason.SAME_EMAIL);
        });
    }

    @Test
    void under_allow_registration_queues_nothing() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.ALLOW);
        world.customers().register(anna());
        world.customers().register(peter());

        assertThat(queue(world.customers(), null)).isEmpty();
    }

    @Test
    void an_import_queues_the_possible_duplicates_of_the_rows_it_stores() {
        // given: the same name in the same postcode, another street: a possible duplicate, not a duplicate
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.ALLOW);
        UUID stored = world.customers().register(RegisterPerson.named("Anna", "Müller")
                .withContactPoint(NewContactPoint.postal(berlinAddress()))).customer().id();

        // when
        ImportReport report = world.customers().importCustomers(Stream.of(RegisterPerson.named("Anna", "Müller")
                .withContactPoint(NewContactPoint.postal(new PostalAddress("Unter den Linden 5", "Berlin", null,
                        "10117", "DE")))), soFar -> { });

        // then
        assertThat(report.imported()).isEqualTo(1);
        assertThat(queue(world.customers(), stored)).singleElement().satisfies(pair -> {
            assertThat(pair.source()).isEqualTo(DuplicateSource.IMPORT);
            assertThat(pair.score()).isBetween(0.7, 0.899);
        });
    }

    @SuppressWarnings("deprecation") // the old findDuplicateGroups() keeps its contract until it is removed
    @Test
    void the_bulk_job_queues_possible_and_likely_duplicates_once_per_pair() {
        // given
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.ALLOW);
        UUID a = world.customers().register(webShopPerson()).customer().id();
        UUID b = world.customers().register(callCentrePerson()).customer().id();
        UUID anna = world.customers().register(anna()).customer().id();
        UUID peter = world.customers().register(peter()).customer().id();
        world.drainOutbox();

        // when
        List<DuplicateGroup> groups = world.customers().findDuplicateGroups();
        List<OutboxEvent> events = world.drainOutbox();
        world.customers().findDuplicateGroups();

        // then: the 0.85 pair is queued but joins no group; the job run again changes nothing
        assertThat(groups).singleElement().satisfies(g -> assertThat(g.customerIds()).containsExactlyInAnyOrder(a, b));
        List<DuplicatePair> queued = queue(world.customers(), null);
        assertThat(queued).extracting(DuplicatePair::score).containsExactly(0.996, 0.85);
        assertThat(queued).allSatisfy(p -> assertThat(p.source()).isEqualTo(DuplicateSource.BULK_JOB));
        assertThat(queued.get(1).otherThan(anna)).isEqualTo(peter);
        assertThat(types(events)).containsExactly("duplicate-pair.suspected", "duplicate-pair.suspected");
        assertThat(world.drainOutbox()).isEmpty();
    }

    @SuppressWarnings("deprecation") // the old findDuplicateGroups() keeps its contract until it is removed
    @Test
    void an_open_pair_found_again_with_another_score_is_rescored_not_repeated() {
        // given
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN);
        UUID anna = world.customers().register(anna()).customer().id();
        UUID peter = world.customers().register(peter()).customer().id();
        DuplicatePair before = queue(world.customers(), null).get(0);
        world.customers().updateDetails(new UpdateDetails(peter, null, "Anna", null, null, null));
        world.drainOutbox();

        // when
        world.customers().findDuplicateGroups();

        // then
        assertThat(queue(world.customers(), anna)).singleElement().satisfies(pair -> {
            assertThat(pair.id()).isEqualTo(before.id());
            assertThat(pair.version()).isEqualTo(2);
            assertThat(pair.score()).isGreaterThan(before.score());
            assertThat(pair.source()).isEqualTo(DuplicateSource.BULK_JOB);
        });
        assertThat(types(world.drainOutbox())).containsExactly("duplicate-pair.rescored");
    }

    // --- the queue ---

    @Test
    void the_queue_is_read_in_pages_highest_score_first_and_by_customer() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN);
        UUID a = world.customers().register(webShopPerson()).customer().id();
        UUID b = world.customers().register(callCentrePerson()).customer().id();
        UUID anna = world.customers().register(anna()).customer().id();
        world.customers().register(peter());

        Page<DuplicatePair> first = world.customers().suspectedDuplicates(null, PageRequest.first(1));
        Page<DuplicatePair> second = world.customers().suspectedDuplicates(null,
                PageRequest.first(1).next(first.next().orElseThrow()));

        assertThat(first.items()).extracting(DuplicatePair::score).containsExactly(0.996);
        assertThat(second.items()).extracting(DuplicatePair::score).containsExactly(0.85);
        assertThat(queue(world.customers(), b)).singleElement().satisfies(p -> assertThat(p.otherThan(b)).isEqualTo(a));
        assertThat(queue(world.customers(), anna)).extracting(DuplicatePair::score).containsExactly(0.85);
        assertThatThrownBy(() -> queue(world.customers(), UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.customers().suspectedDuplicates(null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("page"));
        assertThat(world.customers().suspectedDuplicate(first.items().get(0).id())).isEqualTo(first.items().get(0));
        assertThatThrownBy(() -> world.customers().suspectedDuplicate(UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class);
    }

    // --- dismissing ---

    @Test
    void a_dismissed_pair_leaves_the_queue_keeps_its_reason_and_records_no_personal_data() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN);
        world.customers().register(anna());
        world.customers().register(peter());
        DuplicatePair pair = queue(world.customers(), null).get(0);
        world.drainOutbox();

        DuplicatePair dismissed = world.customers().dismissDuplicate(pair.id(), 1, " Mother and son share a mailbox ",
                REVIEWER);

        assertThat(dismissed.status()).isEqualTo(DuplicatePairStatus.DISMISSED);
        assertThat(dismissed.version()).isEqualTo(2);
        assertThat(dismissed.decision()).isEqualTo(new DuplicatePair.Decision(REVIEWER, world.clock().instant(),
                "Mother and son share a mailbox"));
        assertThat(queue(world.customers(), null)).isEmpty();
        assertThat(world.customers().suspectedDuplicate(pair.id())).isEqualTo(dismissed);
        List<OutboxEvent> events = world.drainOutbox();
        assertThat(types(events)).containsExactly("duplicate-pair.dismissed");
        assertThat(events.get(0).payload()).doesNotContain("mailbox").contains("reviewer-1");
        assertThat(events.get(0).aggregateId()).isEqualTo(pair.id().toString());
    }

    @SuppressWarnings("deprecation") // the old findDuplicateGroups() keeps its contract until it is removed
    @Test
    void a_dismissed_pair_is_not_suggested_again_by_find_matches_or_the_bulk_job_until_reopened() {
        // given: a likely duplicate, dismissed
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN);
        UUID a = world.customers().register(webShopPerson()).customer().id();
        UUID b = world.customers().register(callCentrePerson()).customer().id();
        DuplicatePair pair = queue(world.customers(), null).get(0);
        world.customers().dismissDuplicate(pair.id(), 1, "twins", REVIEWER);
        PartyProfile asB = new PartyProfile(b, PartyKind.PERSON, "Anna Mueller", "Anna", "Mueller", null, Set.of(),
                Set.of("+49301234567"), Set.of(), List.of(), null, Map.of());
        world.drainOutbox();

        // then: not suggested, not grouped, not queued again
        assertThat(world.customers().findMatches(asB)).isEmpty();
        assertThat(world.customers().findMatchesAll(List.of(asB))).containsEntry(b, List.of());
        assertThat(world.customers().findDuplicateGroups()).isEmpty();
        assertThat(world.customers().suspectedDuplicate(pair.id()).status()).isEqualTo(DuplicatePairStatus.DISMISSED);
        assertThat(world.drainOutbox()).isEmpty();

        // when reopened, it is suggested and grouped again
        DuplicatePair reopened = world.customers().reopenDuplicate(pair.id(), 2, REVIEWER);
        assertThat(reopened.status()).isEqualTo(DuplicatePairStatus.OPEN);
        assertThat(reopened.decision().reason()).isNull();
        assertThat(world.customers().findMatches(asB)).extracting(DuplicateCandidate::customerId).containsExactly(a);
        assertThat(world.customers().findDuplicateGroups()).hasSize(1);
        assertThat(queue(world.customers(), a)).extracting(DuplicatePair::id).containsExactly(pair.id());
        assertThat(types(world.drainOutbox())).containsExactly("duplicate-pair.reopened");
    }

    @Test
    void another_customers_dismissed_pair_does_not_hide_a_candidate() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN);
        UUID a = world.customers().register(webShopPerson()).customer().id();
        world.customers().register(callCentrePerson());
        world.customers().dismissDuplicate(queue(world.customers(), null).get(0).id(), 1, "twins", REVIEWER);

        RegistrationResult third = world.customers().register(RegisterPerson.named("Anna", "Müller")
                .withPhone("030 1234567"));

        assertThat(third.duplicates()).extracting(DuplicateCandidate::customerId).contains(a).hasSize(2);
        assertThat(queue(world.customers(), third.customer().id())).hasSize(2);
    }

    @Test
    void a_decision_on_a_version_the_reviewer_did_not_see_conflicts_and_changes_nothing() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN);
        world.customers().register(anna());
        world.customers().register(peter());
        DuplicatePair pair = queue(world.customers(), null).get(0);
        world.customers().dismissDuplicate(pair.id(), 1, "one reviewer", REVIEWER);
        world.drainOutbox();

        assertThatThrownBy(() -> world.customers().dismissDuplicate(pair.id(), 1, "another", Actor.user("r-2")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> world.customers().reopenDuplicate(pair.id(), 1, REVIEWER))
                .isInstanceOf(ConflictException.class);
        assertThat(world.customers().suspectedDuplicate(pair.id()).decision().reason()).isEqualTo("one reviewer");
        assertThat(world.drainOutbox()).isEmpty();
    }

    @Test
    void only_an_open_pair_is_dismissed_or_merged_and_only_a_dismissed_one_reopened() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN);
        UUID anna = world.customers().register(anna()).customer().id();
        world.customers().register(peter());
        DuplicatePair pair = queue(world.customers(), null).get(0);

        assertThatThrownBy(() -> world.customers().reopenDuplicate(pair.id(), 1, REVIEWER))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo("OPEN");
                    assertThat(e.to()).isEqualTo("OPEN");
                });
        world.customers().dismissDuplicate(pair.id(), 1, "no", REVIEWER);
        assertThatThrownBy(() -> world.customers().dismissDuplicate(pair.id(), 2, "no", REVIEWER))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> world.customers().mergeDuplicate(pair.id(), 2, anna, REVIEWER))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        e -> assertThat(e.to()).isEqualTo("MERGED"));
        assertThat(world.customers().get(pair.otherThan(anna)).id()).isEqualTo(pair.otherThan(anna));
    }

    @Test
    void bad_decisions_are_refused_naming_the_field_and_change_nothing() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN);
        world.customers().register(anna());
        world.customers().register(peter());
        DuplicatePair pair = queue(world.customers(), null).get(0);
        CustomerService customers = world.customers();

        assertField(() -> customers.dismissDuplicate(pair.id(), 1, "  ", REVIEWER), "reason");
        assertField(() -> customers.dismissDuplicate(pair.id(), 1, null, REVIEWER), "reason");
        assertField(() -> customers.dismissDuplicate(pair.id(), 1, "x".repeat(501), REVIEWER), "reason");
        assertField(() -> customers.dismissDuplicate(pair.id(), 1, "no", null), "actor");
        assertField(() -> customers.dismissDuplicate(null, 1, "no", REVIEWER), "pairId");
        assertField(() -> customers.reopenDuplicate(null, 1, REVIEWER), "pairId");
        assertField(() -> customers.reopenDuplicate(pair.id(), 1, null), "actor");
        assertField(() -> customers.mergeDuplicate(pair.id(), 1, UUID.randomUUID(), REVIEWER), "survivorId");
        assertField(() -> customers.mergeDuplicate(pair.id(), 1, null, REVIEWER), "survivorId");
        assertField(() -> customers.mergeDuplicate(null, 1, pair.firstCustomerId(), REVIEWER), "pairId");
        assertField(() -> customers.mergeDuplicate(pair.id(), 1, pair.firstCustomerId(), null), "actor");
        assertField(() -> customers.suspectedDuplicate(null), "pairId");
        assertThatThrownBy(() -> customers.dismissDuplicate(UUID.randomUUID(), 1, "no", REVIEWER))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> customers.mergeDuplicate(UUID.randomUUID(), 1, pair.firstCustomerId(), REVIEWER))
                .isInstanceOf(NotFoundException.class);
        assertThat(customers.suspectedDuplicate(pair.id())).isEqualTo(pair);
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    // --- merging ---

    @Test
    void merging_a_pair_merges_the_customers_and_closes_the_merged_ones_other_pairs() {
        // given: a-b a likely duplicate; b also suspected with c
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN);
        UUID a = world.customers().register(webShopPerson()).customer().id();
        UUID b = world.customers().register(callCentrePerson().withEmail("family@example.com")).customer().id();
        UUID c = world.customers().register(peter()).customer().id();
        DuplicatePair ab = queue(world.customers(), a).get(0);
        DuplicatePair bc = queue(world.customers(), c).get(0);
        assertThat(bc.otherThan(c)).isEqualTo(b);
        world.drainOutbox();

        // when
        Customer survivor = world.customers().mergeDuplicate(ab.id(), 1, a, REVIEWER);

        // then
        assertThat(survivor.id()).isEqualTo(a);
        assertThat(world.customers().get(b).id()).as("b resolves to its survivor").isEqualTo(a);
        DuplicatePair merged = world.customers().suspectedDuplicate(ab.id());
        assertThat(merged.status()).isEqualTo(DuplicatePairStatus.MERGED);
        assertThat(merged.decision().actor()).isEqualTo(REVIEWER);
        assertThat(world.customers().suspectedDuplicate(bc.id()).status()).isEqualTo(DuplicatePairStatus.CLOSED);
        assertThat(queue(world.customers(), null)).isEmpty();
        List<OutboxEvent> events = world.drainOutbox();
        assertThat(types(events)).containsSubsequence("duplicate-pair.merged", "customer.merged",
                "duplicate-pair.closed");
        assertThat(events).filteredOn(e -> e.type().equals("duplicate-pair.closed")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains(b.toString()).contains(a.toString()));
    }

    @Test
    void the_reviewer_chooses_the_survivor() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN);
        UUID a = world.customers().register(webShopPerson()).customer().id();
        UUID b = world.customers().register(callCentrePerson()).customer().id();
        DuplicatePair ab = queue(world.customers(), a).get(0);

        assertThat(world.customers().mergeDuplicate(ab.id(), 1, b, REVIEWER).id()).isEqualTo(b);
        assertThat(world.customers().get(a).id()).isEqualTo(b);
    }

    @Test
    void a_merge_on_a_stale_version_conflicts_and_merges_nothing() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN);
        UUID a = world.customers().register(webShopPerson()).customer().id();
        UUID b = world.customers().register(callCentrePerson()).customer().id();
        DuplicatePair ab = queue(world.customers(), a).get(0);

        assertThatThrownBy(() -> world.customers().mergeDuplicate(ab.id(), 7, a, REVIEWER))
                .isInstanceOf(ConflictException.class);
        assertThat(world.customers().get(b).id()).isEqualTo(b);
        assertThat(queue(world.customers(), null)).containsExactly(ab);
    }

    @Test
    void a_direct_merge_resolves_the_pair_and_leaves_no_open_pair_pointing_at_the_merged_customer() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN);
        UUID a = world.customers().register(webShopPerson()).customer().id();
        UUID b = world.customers().register(callCentrePerson().withEmail("family@example.com")).customer().id();
        UUID c = world.customers().register(peter()).customer().id();
        List<DuplicatePair> before = new ArrayList<>(queue(world.customers(), b));
        assertThat(before).hasSize(2);

        world.customers().merge(a, b, REVIEWER);

        assertThat(queue(world.customers(), null)).isEmpty();
        assertThat(before).allSatisfy(p -> assertThat(world.customers().suspectedDuplicate(p.id()).status())
                .isEqualTo(p.involves(a) ? DuplicatePairStatus.MERGED : DuplicatePairStatus.CLOSED));
        assertThat(c).isNotNull();
    }

    // --- the 360-degree view ---

    @Test
    void the_360_degree_view_shows_the_customers_open_suspicions() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN);
        UUID anna = world.customers().register(anna()).customer().id();
        UUID peter = world.customers().register(peter()).customer().id();
        CustomerViewService views = world.acme().service(CustomerViewService.class);
        DuplicatePair pair = queue(world.customers(), null).get(0);

        List<CustomerView.SuspectedDuplicate> shown = views.view(anna).suspectedDuplicates();

        assertThat(shown).singleElement().satisfies(s -> {
            assertThat(s.pairId()).isEqualTo(pair.id());
            assertThat(s.version()).isEqualTo(1);
            assertThat(s.otherCustomerId()).isEqualTo(peter);
            assertThat(s.score()).isEqualTo(0.85);
            assertThat(s.reasons()).containsExactly("SAME_EMAIL");
            assertThat(s.source()).isEqualTo(DuplicateSource.REGISTRATION);
            assertThat(s.foundAt()).isEqualTo(pair.foundAt());
        });
        assertThat(views.view(peter).suspectedDuplicates()).extracting(CustomerView.SuspectedDuplicate::otherCustomerId)
                .containsExactly(anna);
        world.customers().dismissDuplicate(pair.id(), 1, "no", REVIEWER);
        assertThat(views.view(anna).suspectedDuplicates()).isEmpty();
    }
}
