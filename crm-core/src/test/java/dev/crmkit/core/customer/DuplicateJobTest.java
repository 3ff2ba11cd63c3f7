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

    /** A surname whose Double Metaphone code differs for every number below 1,000 (consonants only count). */
    private static String surname(int n) {
        String consonants = "bklmnrstfj";
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            name.append(consonants.charAt(n % 10)).append('a');
            n /= 10;
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static PostalAddress street(String street, String postcode) {
        return new PostalAddress(street, "Berlin", null, postcode, "DE");
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
            register(livingAt(i < 1000 ? "Paul" : "Emil", surname(i % 1000), "Hauptstraße"));
            register(livingAt(i < 1000 ? "Paul" : "Emil", surname(i % 1000), "Hauptstrasse"));
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
            register(livingAt("Paul", surname(i), "Hauptstraße"));
            register(livingAt("Paul", surname(i), "Hauptstrasse"));
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
    void a_callback_is_required() {
        assertThatThrownBy(() -> customers.runDuplicateJob(null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("afterEachBatch"));
    }
}
