package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Actor;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.DuplicatePairStatus;
import dev.crmkit.model.customer.DuplicateSource;
import dev.crmkit.model.customer.PostalAddress;
import dev.crmkit.spi.outbox.OutboxEvent;
import dev.crmkit.spi.customer.DuplicateJobRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DuplicateJobTest {
    private final CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.ALLOW);
    private final CustomerService customers = world.customers();

    private UUID register(RegisterPerson person) {
        return customers.register(person).customer().id();
    }

    private List<DuplicatePair> queue() {
        List<DuplicatePair> all = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            var page = customers.suspectedDuplicates(null, request);
            all.addAll(page.items());
            if (!page.hasNext()) {
                return all;
            }
            request = request.next(page.next().orElseThrow());
        }
    }

    private long suspected(List<OutboxEvent> events) {
        return events.stream().filter(e -> e.type().equals("duplicate-pair.suspected")).count();
    }

    private static PostalAddress street(String street, String postcode) {
        return new PostalAddress(street, "Berlin", null, postcode, "DE");
    }

    private static RegisterPerson inHamburg(String given, String family) {
        return RegisterPerson.named(given, family).withContactPoint(NewContactPoint.postal(
                new PostalAddress("Gartenweg", "Hamburg", null, "20095", "DE")));
    }

    private static RegisterPerson livingAt(String given, String family, String street) {
        return RegisterPerson.named(given, family).withContactPoint(NewContactPoint.postal(street(street, "10117")));
    }

    @Test
    void the_job_compares_the_holders_of_every_kind_of_blocking_key_and_of_shared_emails_and_phones() {
        // given: spelling variants (a phonetic key, not the name key), one e-mail of two people, one phone
        UUID meyer = register(livingAt("Jonas", "Meyer", "Leopoldstraße 1"));
        UUID maier = register(livingAt("Jonas", "Maier", "Leopoldstr. 1"));
        UUID anna = register(RegisterPerson.named("Anna", "Müller").withEmail("family@example.com"));
        UUID peter = register(RegisterPerson.named("Peter", "Schmidt").withEmail("family@example.com"));
        UUID clara = register(RegisterPerson.named("Clara", "Weber").withPhone("030 1234567"));
        UUID clara2 = register(RegisterPerson.named("Clara", "Webber").withPhone("+49 30 1234567"));
        register(RegisterPerson.named("Jonas", "Meyer"));
        world.drainOutbox();
        List<DuplicateJobProgress> told = new ArrayList<>();

        // when
        DuplicateJobProgress done = customers.runDuplicateJob(told::add);

        // then
        assertThat(done.finished()).isTrue();
        assertThat(done.resumed()).isFalse();
        assertThat(told).last().isEqualTo(done);
        List<DuplicatePair> queued = queue();
        assertThat(queued).allSatisfy(p -> assertThat(p.source()).isEqualTo(DuplicateSource.BULK_JOB));
        assertThat(queued).extracting(p -> List.of(p.firstCustomerId(), p.secondCustomerId()))
                .contains(sortedPair(meyer, maier), sortedPair(anna, peter), sortedPair(clara, clara2));
        assertThat(done.pairsFound()).isEqualTo(queued.size());
        assertThat(suspected(world.drainOutbox())).isEqualTo(queued.size());
    }

    private static List<UUID> sortedPair(UUID a, UUID b) {
        DuplicateReviews.PairKey key = DuplicateReviews.PairKey.of(a, b);
        return List.of(key.first(), key.second());
    }

    @Test
    void a_job_stopped_by_its_callback_continues_after_its_last_batch_when_run_again() {
        // given: 1,500 pairs, each two customers of one name on one street: 3,000 blocks of two, several batches
        for (int i = 0; i < 1500; i++) {
            register(livingAt(i < 1000 ? "Paul" : "Emil", CustomerFixtures.surname(i % 1000), "Hauptstraße"));
            register(livingAt(i < 1000 ? "Paul" : "Emil", CustomerFixtures.surname(i % 1000), "Hauptstrasse"));
        }

        // when: the first run stops after its first batch
        DuplicateJobProgress stopped = customers.runDuplicateJob(progress -> false);
        int queuedAfterStop = queue().size();
        List<DuplicateJobProgress> second = new ArrayList<>();
        DuplicateJobProgress done = customers.runDuplicateJob(second::add);

        // then
        assertThat(stopped.finished()).isFalse();
        assertThat(stopped.blocksDone()).isPositive().isLessThan(3000);
        assertThat(queuedAfterStop).isEqualTo((int) stopped.pairsFound()).isLessThan(1500);
        assertThat(second.get(0).resumed()).isTrue();
        assertThat(second.get(0).blocksDone()).isGreaterThan(stopped.blocksDone());
        assertThat(done.finished()).isTrue();
        assertThat(done.blocksDone()).as("every block once, none of the first batch again").isEqualTo(3000);
        assertThat(done.pairsFound()).as("each pair once, though its name key's block and its phonetic key's meet it")
                .isEqualTo(1500);
        assertThat(queue()).hasSize(1500);
    }

    @Test
    void a_job_run_after_a_finished_one_walks_again_and_changes_nothing_it_found_before() {
        register(livingAt("Jonas", "Meyer", "Leopoldstraße 1"));
        register(livingAt("Jonas", "Meyer", "Leopoldstraße 1"));
        customers.runDuplicateJob(p -> true);
        world.drainOutbox();

        DuplicateJobProgress again = customers.runDuplicateJob(p -> true);

        assertThat(again.resumed()).isFalse();
        assertThat(again.finished()).isTrue();
        assertThat(again.pairsFound()).as("a pair the queue holds with the same finding is not counted").isZero();
        assertThat(again.blocksDone()).isPositive();
        assertThat(queue()).singleElement().satisfies(p -> assertThat(p.version()).isEqualTo(1));
        assertThat(world.drainOutbox()).isEmpty();
    }

    @Test
    void a_dismissed_pair_is_not_entered_again() {
        register(livingAt("Jonas", "Meyer", "Leopoldstraße 1"));
        register(livingAt("Jonas", "Meyer", "Leopoldstraße 1"));
        customers.runDuplicateJob(p -> true);
        DuplicatePair pair = queue().get(0);
        customers.dismissDuplicate(pair.id(), pair.version(), "father and son", Actor.user("reviewer-1"));

        DuplicateJobProgress again = customers.runDuplicateJob(p -> true);

        assertThat(again.pairsFound()).isZero();
        assertThat(customers.suspectedDuplicate(pair.id()).status()).isEqualTo(DuplicatePairStatus.DISMISSED);
    }

    @Test
    void every_pair_of_a_key_held_by_more_customers_than_a_window_is_compared() {
        // given: 1,100 John Smiths (the name alone scores below the possible threshold); the first and the last one
        // registered live on the same street, so only the two keys the 1,100 share bring them together
        UUID first = register(livingAt("John", "Smith", "Hauptstraße"));
        for (int i = 0; i < 1098; i++) {
            register(RegisterPerson.named("John", "Smith"));
        }
        UUID last = register(livingAt("John", "Smith", "Hauptstrasse"));

        // when
        DuplicateJobProgress done = customers.runDuplicateJob(p -> true);

        // then
        assertThat(done.finished()).isTrue();
        assertThat(queue()).singleElement().satisfies(p -> assertThat(List.of(p.firstCustomerId(),
                p.secondCustomerId())).isEqualTo(sortedPair(first, last)));
    }

    @Test
    void a_job_held_by_another_run_is_refused_until_its_lease_has_passed_and_then_continues_where_it_stopped() {
        // given: a run on another node that got as far as the e-mails and crashed
        UUID anna = register(RegisterPerson.named("Anna", "Müller").withEmail("family@example.com"));
        register(RegisterPerson.named("Peter", "Schmidt").withEmail("family@example.com"));
        register(livingAt("Jonas", "Meyer", "Leopoldstraße 1"));
        register(livingAt("Jonas", "Meyer", "Leopoldstraße 1"));
        var now = world.clock().instant();
        world.storage().duplicateJobs().save(new DuplicateJobRecord("acme", UUID.randomUUID(), 1, now, now,
                DuplicateJob.NAME, new DuplicateJobRecord.Checkpoint(DuplicateJobRecord.Phase.EMAILS, null, 5, 1),
                "crashed-node", now.plus(DuplicateJob.LEASE)), 0);

        // when / then: refused while the lease lasts
        assertThatThrownBy(() -> customers.runDuplicateJob(p -> true)).isInstanceOf(ConflictException.class);
        assertThat(queue()).isEmpty();

        // when: the lease has passed
        world.clock().advance(DuplicateJob.LEASE.plus(Duration.ofSeconds(1)));
        DuplicateJobProgress done = customers.runDuplicateJob(p -> true);

        // then: the e-mail pair found, the name pair (a key before the checkpoint) not
        assertThat(done.resumed()).isTrue();
        assertThat(done.blocksDone()).isEqualTo(6);
        assertThat(queue()).singleElement().satisfies(p -> assertThat(p.otherThan(anna)).isNotNull());
        assertThat(done.pairsFound()).isEqualTo(2);
    }

    @Test
    void a_second_run_while_one_runs_is_refused_and_the_first_goes_on() {
        for (int i = 0; i < 1000; i++) {
            register(livingAt("Paul", CustomerFixtures.surname(i), "Hauptstraße"));
            register(livingAt("Paul", CustomerFixtures.surname(i), "Hauptstrasse"));
        }
        AtomicReference<Throwable> refused = new AtomicReference<>();

        DuplicateJobProgress done = customers.runDuplicateJob(progress -> {
            if (refused.get() == null) {
                refused.set(catchThrowable(() -> customers.runDuplicateJob(p -> true)));
            }
            return true;
        });

        assertThat(refused.get()).isInstanceOf(ConflictException.class);
        assertThat(done.finished()).isTrue();
        assertThat(queue()).hasSize(1000);
    }

    private static Throwable catchThrowable(Runnable call) {
        try {
            call.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    @Test
    void an_open_pair_found_with_another_finding_is_rescored_and_counted() {
        UUID jonas = register(livingAt("Jonas", "Meyer", "Leopoldstraße 1"));
        register(livingAt("Jonas", "Meyer", "Leopoldstraße 1"));
        customers.runDuplicateJob(p -> true);
        DuplicatePair before = queue().get(0);
        customers.updateDetails(new UpdateDetails(jonas, null, "Jonas", "Meier", null, null));
        world.drainOutbox();

        DuplicateJobProgress again = customers.runDuplicateJob(p -> true);

        assertThat(again.pairsFound()).isEqualTo(1);
        assertThat(queue()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(before.id());
            assertThat(p.version()).isEqualTo(2);
            assertThat(p.score()).isLessThan(before.score());
        });
        assertThat(world.drainOutbox()).extracting(OutboxEvent::type).containsExactly("duplicate-pair.rescored");
    }

    @Test
    void a_phone_more_customers_hold_counts_for_less_as_at_registration() {
        // given: two Clara Webers with one phone; in the second world a third person holds the phone too
        UUID clara = register(RegisterPerson.named("Clara", "Weber").withPhone("030 1234567"));
        register(RegisterPerson.named("Clara", "Weber").withPhone("030 1234567"));
        CustomerService crowded = CustomerFixtures.world(DuplicatePolicy.ALLOW).customers();
        UUID crowdedClara = crowded.register(RegisterPerson.named("Clara", "Weber").withPhone("030 1234567"))
                .customer().id();
        crowded.register(RegisterPerson.named("Clara", "Weber").withPhone("030 1234567"));
        crowded.register(RegisterPerson.named("Max", "Kurz").withPhone("030 1234567"));

        // when
        customers.runDuplicateJob(p -> true);
        crowded.runDuplicateJob(p -> true);

        // then: names 3.5 + 2.5 and the phone 7 give 0.996; held by one more, the phone loses 3 * log2(2): 0.97
        assertThat(queue()).singleElement().satisfies(p -> {
            assertThat(p.involves(clara)).isTrue();
            assertThat(p.score()).isEqualTo(0.996);
            assertThat(p.contributions()).containsEntry(MatchField.PHONE, 7.0);
        });
        assertThat(crowded.suspectedDuplicates(crowdedClara, PageRequest.first(10)).items()).singleElement()
                .satisfies(p -> {
                    assertThat(p.score()).isEqualTo(0.97);
                    assertThat(p.contributions()).containsEntry(MatchField.PHONE, 4.0);
                });
    }

    @Test
    void every_batch_is_told_in_walking_order_keys_then_emails_then_phones() {
        register(livingAt("Jonas", "Meyer", "Leopoldstraße 1"));
        register(livingAt("Jonas", "Meyer", "Leopoldstraße 1"));
        register(RegisterPerson.named("Anna", "Müller").withEmail("family@example.com"));
        register(RegisterPerson.named("Peter", "Schmidt").withEmail("family@example.com"));
        List<DuplicateJobProgress> told = new ArrayList<>();

        DuplicateJobProgress done = customers.runDuplicateJob(told::add);

        assertThat(told).extracting(DuplicateJobProgress::phase).isSortedAccordingTo(Enum::compareTo)
                .contains(DuplicateJobProgress.Phase.EMAILS, DuplicateJobProgress.Phase.PHONES)
                .last().isEqualTo(DuplicateJobProgress.Phase.DONE);
        assertThat(told).extracting(DuplicateJobProgress::blocksDone).isSorted();
        assertThat(done.pairsFound()).isEqualTo(queue().size()).isEqualTo(2);
    }

    @Test
    void a_run_that_fails_gives_the_job_up_and_the_next_run_continues_after_its_last_batch() {
        // given: a callback that fails after the first committed batch
        for (int i = 0; i < 1500; i++) {
            register(livingAt(i < 1000 ? "Paul" : "Emil", CustomerFixtures.surname(i % 1000), "Hauptstraße"));
            register(livingAt(i < 1000 ? "Paul" : "Emil", CustomerFixtures.surname(i % 1000), "Hauptstrasse"));
        }
        RuntimeException failure = new IllegalStateException("the host's callback failed");

        // when
        assertThatThrownBy(() -> customers.runDuplicateJob(p -> {
            throw failure;
        })).isSameAs(failure);
        int queuedAfterFailure = queue().size();
        DuplicateJobProgress done = customers.runDuplicateJob(p -> true);

        // then: not refused (the lease was given up), continued (the first batch not walked again)
        assertThat(queuedAfterFailure).isPositive().isLessThan(1500);
        assertThat(done.resumed()).isTrue();
        assertThat(done.finished()).isTrue();
        assertThat(queue()).hasSize(1500);
    }

    @Test
    void a_refused_run_says_the_job_is_running_and_is_not_worth_retrying_at_once() {
        var now = world.clock().instant();
        world.storage().duplicateJobs().save(new DuplicateJobRecord("acme", UUID.randomUUID(), 1, now, now,
                DuplicateJob.NAME, DuplicateJobRecord.Checkpoint.start(), "other-node", now.plus(DuplicateJob.LEASE)),
                0);

        assertThatThrownBy(() -> customers.runDuplicateJob(p -> true)).isInstanceOfSatisfying(ConflictException.class,
                e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("the duplicate job of this tenant is running");
                });
    }

    @Test
    void a_callback_is_required() {
        assertThatThrownBy(() -> customers.runDuplicateJob(null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("afterEachBatch"));
    }

    @Test
    void every_pair_within_a_later_window_of_a_large_key_is_compared_and_counted() {
        // given: 1,100 John Smiths; the first and the last live in one street, and so do two that both fall into the
        // second window of 1,000, in another city (the name alone scores below the possible threshold)
        UUID first = register(livingAt("John", "Smith", "Hauptstraße"));
        for (int i = 0; i < 1048; i++) {
            register(RegisterPerson.named("John", "Smith"));
        }
        UUID early = register(inHamburg("John", "Smith"));
        for (int i = 0; i < 48; i++) {
            register(RegisterPerson.named("John", "Smith"));
        }
        UUID late = register(inHamburg("John", "Smith"));
        UUID last = register(livingAt("John", "Smith", "Hauptstrasse"));

        // when
        DuplicateJobProgress done = customers.runDuplicateJob(p -> true);

        // then: the pair across the windows and the pair within the second one, each counted once
        assertThat(queue()).extracting(p -> List.of(p.firstCustomerId(), p.secondCustomerId()))
                .containsExactlyInAnyOrder(sortedPair(first, last), sortedPair(early, late));
        assertThat(done.pairsFound()).isEqualTo(2);
    }

    @Test
    void an_email_many_customers_hold_counts_for_less_in_the_job_as_at_registration() {
        // given: twelve people of twelve names with one info@ address (an e-mail in common with someone of another
        // name alone scores 0.85; held by eleven others it loses 3 * log2(11))
        String[] given = {"Anna", "Bruno", "Clara", "Dieter", "Egon", "Frieda", "Gustav", "Helga", "Ingo", "Jonas",
            "Karl", "Lotte"};
        for (int i = 0; i < given.length; i++) {
            register(RegisterPerson.named(given[i], CustomerFixtures.surname(i * 83)).withEmail("info@example.com"));
        }

        // when
        DuplicateJobProgress done = customers.runDuplicateJob(p -> true);

        // then
        assertThat(queue()).isEmpty();
        assertThat(done.pairsFound()).isZero();
    }

    @Test
    void a_pair_scoring_exactly_the_possible_threshold_is_entered() {
        // given: a tenant whose possible threshold is what the same name alone scores (3.5 + 2.5 = 6: 0.667)
        CustomerService exact = CustomerFixtures.world(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.ALLOW)
                .matching(MatchSettings.defaults().withThresholds(0.9, 0.667))).customers();
        UUID one = exact.register(RegisterPerson.named("Jonas", "Meyer")).customer().id();
        exact.register(RegisterPerson.named("Jonas", "Meyer"));

        // when
        exact.runDuplicateJob(p -> true);

        // then
        assertThat(exact.suspectedDuplicates(one, PageRequest.first(10)).items()).singleElement()
                .satisfies(p -> assertThat(p.score()).isEqualTo(0.667));
    }

    @Test
    void pairs_found_over_more_shared_emails_than_one_page_are_all_counted() {
        // given: 201 pairs of people of other names, each pair with an e-mail of its own in common (0.85 each), so
        // the e-mails take two pages
        for (int i = 0; i < 201; i++) {
            register(RegisterPerson.named("Paul", CustomerFixtures.surname(i)).withEmail("pair" + i + "@example.com"));
            register(RegisterPerson.named("Emil", CustomerFixtures.surname(i + 300)).withEmail("pair" + i
                    + "@example.com"));
        }

        // when
        DuplicateJobProgress done = customers.runDuplicateJob(p -> true);

        // then
        assertThat(queue()).hasSize(201);
        assertThat(done.pairsFound()).isEqualTo(201);
    }
}
