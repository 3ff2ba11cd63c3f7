package dev.crmkit.tck;

import static dev.crmkit.tck.LeadFixtures.converted;
import static dev.crmkit.tck.LeadFixtures.disqualified;
import static dev.crmkit.tck.LeadFixtures.inState;
import static dev.crmkit.tck.LeadFixtures.ownedBy;
import static dev.crmkit.tck.LeadFixtures.webFormLead;
import static dev.crmkit.tck.LeadFixtures.withId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.spi.lead.LeadRecord;
import dev.crmkit.spi.lead.LeadStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code LeadStore.openCountsByOwner} as the leads change: the counts follow every insert and update that opens,
 * closes, reopens or moves a lead with an owner, and nothing else; a write that fails, or a unit that is rolled
 * back, changes no count. An adapter that keeps the counts as state (as the SPI asks) must keep them exactly.
 */
public abstract class LeadLoadContract extends ContractSupport {
    private static final String TENANT = "lead-load";
    private static final String OTHER_TENANT = "lead-load-other";

    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID cem = UUID.randomUUID();


    private Map<UUID, Integer> counts(String tenant) {
        return leads().openCountsByOwner(tenant, List.of(ann, bob, cem));
    }

    private static Map<UUID, Integer> expect(UUID a, int ofA, UUID b, int ofB, UUID c, int ofC) {
        return Map.of(a, ofA, b, ofB, c, ofC);
    }

    @Test
    void insert_all_counts_each_open_lead_for_its_owner() {
        leads().insertAll(List.of(ownedBy(webFormLead(TENANT), ann), ownedBy(inState(webFormLead(TENANT),
                LeadStatus.QUALIFIED), ann), ownedBy(inState(webFormLead(TENANT), LeadStatus.NURTURING), bob),
                ownedBy(disqualified(webFormLead(TENANT)), ann), ownedBy(converted(webFormLead(TENANT)), cem),
                webFormLead(TENANT)));
        leads().insert(ownedBy(inState(webFormLead(TENANT), LeadStatus.CONTACTED), bob));

        assertThat(counts(TENANT)).isEqualTo(expect(ann, 2, bob, 2, cem, 0));
    }

    @Test
    void a_change_of_owner_moves_the_lead_from_one_count_to_the_other() {
        LeadRecord lead = leads().insert(ownedBy(webFormLead(TENANT), ann));
        leads().insert(ownedBy(webFormLead(TENANT), bob));

        LeadRecord moved = leads().update(ownedBy(lead, bob), 1);
        assertThat(counts(TENANT)).isEqualTo(expect(ann, 0, bob, 2, cem, 0));

        leads().update(moved.withOwner(null, null), 2);
        assertThat(counts(TENANT)).isEqualTo(expect(ann, 0, bob, 1, cem, 0));
    }

    @Test
    void assigning_an_unassigned_lead_counts_it_for_its_new_owner() {
        LeadRecord lead = leads().insert(webFormLead(TENANT));

        leads().update(ownedBy(lead, cem), 1);

        assertThat(counts(TENANT)).isEqualTo(expect(ann, 0, bob, 0, cem, 1));
    }

    @Test
    void disqualifying_or_converting_a_lead_takes_it_out_of_its_owners_count() {
        LeadRecord first = leads().insert(ownedBy(webFormLead(TENANT), ann));
        LeadRecord second = leads().insert(ownedBy(webFormLead(TENANT), ann));
        leads().insert(ownedBy(webFormLead(TENANT), ann));

        leads().update(disqualified(first), 1);
        assertThat(counts(TENANT)).isEqualTo(expect(ann, 2, bob, 0, cem, 0));

        leads().update(converted(second), 1);
        assertThat(counts(TENANT)).isEqualTo(expect(ann, 1, bob, 0, cem, 0));
    }

    @Test
    void reopening_a_disqualified_lead_counts_it_again() {
        LeadRecord closed = leads().insert(ownedBy(disqualified(webFormLead(TENANT)), bob));

        leads().update(inState(closed, LeadStatus.NURTURING), 1);

        assertThat(counts(TENANT)).isEqualTo(expect(ann, 0, bob, 1, cem, 0));
    }

    @Test
    void an_update_that_keeps_owner_and_openness_changes_no_count() {
        LeadRecord lead = leads().insert(ownedBy(webFormLead(TENANT), ann));
        LeadRecord closed = leads().insert(ownedBy(disqualified(webFormLead(TENANT)), bob));

        LeadRecord contacted = leads().update(inState(lead, LeadStatus.CONTACTED), 1);
        leads().update(inState(contacted, LeadStatus.QUALIFIED).withScore(70, List.of()), 2);
        leads().update(converted(ownedBy(closed, cem)), 1);

        assertThat(counts(TENANT)).isEqualTo(expect(ann, 1, bob, 0, cem, 0));
    }

    @Test
    void an_update_that_fails_on_its_version_or_finds_no_lead_changes_no_count() {
        LeadRecord lead = leads().insert(ownedBy(webFormLead(TENANT), ann));
        leads().update(inState(lead, LeadStatus.CONTACTED), 1);

        assertThatThrownBy(() -> leads().update(ownedBy(lead, bob), 1)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> leads().update(disqualified(lead), 3)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> leads().update(ownedBy(webFormLead(TENANT), cem), 1))
                .isInstanceOf(NotFoundException.class);

        assertThat(counts(TENANT)).isEqualTo(expect(ann, 1, bob, 0, cem, 0));
    }

    @Test
    void an_insert_all_that_fails_on_a_duplicate_changes_no_count() {
        LeadRecord stored = leads().insert(ownedBy(webFormLead(TENANT), ann));

        assertThatThrownBy(() -> leads().insertAll(List.of(ownedBy(webFormLead(TENANT), bob),
                withId(ownedBy(webFormLead(TENANT), cem), stored.id())))).isInstanceOf(DuplicateException.class);

        assertThat(counts(TENANT)).isEqualTo(expect(ann, 1, bob, 0, cem, 0));
    }

    @Test
    void a_unit_rolled_back_takes_its_count_changes_with_it() {
        LeadRecord lead = leads().insert(ownedBy(webFormLead(TENANT), ann));

        assertThatThrownBy(() -> storage().transactions().run(() -> {
            leads().insert(ownedBy(webFormLead(TENANT), bob));
            leads().update(ownedBy(lead, cem), 1);
            throw new IllegalStateException("the host gives up");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(counts(TENANT)).isEqualTo(expect(ann, 1, bob, 0, cem, 0));
    }

    @Test
    void counts_are_kept_per_tenant_for_the_same_member() {
        LeadRecord mine = leads().insert(ownedBy(webFormLead(TENANT), ann));
        leads().insert(ownedBy(webFormLead(TENANT), ann));
        leads().insertAll(List.of(ownedBy(webFormLead(OTHER_TENANT), ann), ownedBy(webFormLead(OTHER_TENANT), bob)));

        leads().update(disqualified(mine), 1);

        assertThat(counts(TENANT)).isEqualTo(expect(ann, 1, bob, 0, cem, 0));
        assertThat(counts(OTHER_TENANT)).isEqualTo(expect(ann, 1, bob, 1, cem, 0));
    }

    /**
     * The first unit creates the member's count; the second reaches the same count while the first is still open
     * (the pause gives it the time to) and must wait for it and add to it, not fail on the row the first created.
     */
    @Test
    void two_units_counting_a_members_first_leads_at_once_both_count() throws Exception {
        CountDownLatch firstWrote = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> storage().transactions().inTransaction(() -> {
                leads().insert(ownedBy(webFormLead(TENANT), ann));
                firstWrote.countDown();
                pause(300);
                return null;
            }));
            firstWrote.await(30, TimeUnit.SECONDS);
            Future<?> second = pool.submit(() -> storage().transactions().inTransaction(() ->
                    leads().insert(ownedBy(webFormLead(TENANT), ann))));
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(counts(TENANT)).isEqualTo(expect(ann, 2, bob, 0, cem, 0));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
