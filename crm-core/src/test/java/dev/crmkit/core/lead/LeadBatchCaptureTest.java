package dev.crmkit.core.lead;

import static dev.crmkit.core.lead.LeadFixtures.tradeShowLead;
import static dev.crmkit.core.lead.LeadFixtures.webFormLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.team.TeamMember;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadFilter;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.touchpoint.TimelineFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LeadBatchCaptureTest {
    private final LeadFixtures fixtures = new LeadFixtures();
    private final LeadService leads = fixtures.leads();

    private List<Lead> stored() {
        return leads.find(LeadFilter.all(), PageRequest.first(1000)).items();
    }

    @Test
    void a_batch_of_new_leads_is_scored_scheduled_announced_and_dealt_round_robin() {
        TeamMember ann = fixtures.rep("ann", 1, 10);
        TeamMember bob = fixtures.rep("bob", 1, 10);

        List<CaptureResult> results = leads.captureAll(List.of(webFormLead("Hopper"), tradeShowLead("Baker"),
                tradeShowLead("Clarke"), tradeShowLead("Dijkstra")));

        assertThat(results).extracting(CaptureResult::outcome).containsOnly(CaptureOutcome.CREATED);
        assertThat(results).extracting(r -> r.lead().details().familyName())
                .containsExactly("Hopper", "Baker", "Clarke", "Dijkstra");
        assertThat(results.get(0).lead().score().explanation()).containsExactly("+10 fit.company-size",
                "+15 fit.decision-maker", "+10 fit.business-email");
        List<Object> owners = results.stream().map(r -> (Object) r.lead().ownerId()).toList();
        assertThat(Collections.frequency(owners, ann.id())).isEqualTo(2);
        assertThat(Collections.frequency(owners, bob.id())).isEqualTo(2);
        assertThat(owners.get(0)).isNotEqualTo(owners.get(1));
        for (CaptureResult r : results) {
            assertThat(leads.get(r.lead().id())).isEqualTo(r.lead());
            assertThat(fixtures.storage.dueWork().find(LeadFixtures.TENANT, LeadService.FIRST_CONTACT_DUE,
                    r.lead().id().toString())).get()
                    .satisfies(w -> assertThat(w.dueAt()).isEqualTo(LeadFixtures.START.plus(Duration.ofHours(24))));
        }
        assertThat(fixtures.publishedTypes()).containsExactly("team-member.added", "team-member.added", "lead.captured",
                "lead.assigned", "lead.captured",
                "lead.assigned", "lead.captured", "lead.assigned", "lead.captured", "lead.assigned");
    }

    @Test
    void the_round_robin_goes_on_where_single_captures_left_it() {
        TeamMember ann = fixtures.rep("ann", 1, 10);
        TeamMember bob = fixtures.rep("bob", 1, 10);
        Lead single = leads.capture(tradeShowLead("Baker")).lead();

        List<CaptureResult> results = leads.captureAll(List.of(tradeShowLead("Clarke"), tradeShowLead("Dijkstra")));

        TeamMember next = single.ownerId().equals(ann.id()) ? bob : ann;
        assertThat(results.get(0).lead().ownerId()).isEqualTo(next.id());
        assertThat(leads.capture(tradeShowLead("Euler")).lead().ownerId()).isEqualTo(next.id());
    }

    @Test
    void a_resubmission_later_in_the_batch_merges_into_the_lead_created_earlier_in_it() {
        List<CaptureResult> results = leads.captureAll(List.of(tradeShowLead("Baker"), tradeShowLead("Clarke"),
                CaptureLead.from(LeadSource.WEB_FORM).withEmail("BAKER@gmail.com")
                        .withCompany("Baker & Sons", "retail", 12).withRawSubmission("{\"second\":true}")));

        assertThat(results).extracting(CaptureResult::outcome)
                .containsExactly(CaptureOutcome.CREATED, CaptureOutcome.CREATED, CaptureOutcome.MERGED);
        Lead baker = results.get(0).lead();
        assertThat(results.get(2).lead()).isEqualTo(baker);
        assertThat(baker.details().companyName()).isEqualTo("Baker & Sons");
        assertThat(baker.details().givenName()).isEqualTo("Tom");
        assertThat(baker.version()).as("inserted once, in its final state").isEqualTo(1);
        assertThat(stored()).hasSize(2);
        assertThat(fixtures.storage.interactions().timeline(LeadFixtures.TENANT, baker.id(), TimelineFilter.everything(), PageRequest.first(10))
                .items()).singleElement().satisfies(i -> assertThat(i.summary()).isEqualTo("{\"second\":true}"));
        assertThat(fixtures.publishedTypes()).containsSubsequence("lead.captured", "lead.resubmitted");
    }

    @Test
    void a_resubmission_of_a_stored_open_lead_updates_it_over_the_version_read() {
        Lead first = leads.capture(tradeShowLead("Baker")).lead();

        List<CaptureResult> results = leads.captureAll(List.of(CaptureLead.from(LeadSource.EVENT)
                .withEmail("baker@gmail.com").withJobTitle("Owner"), tradeShowLead("Clarke")));

        assertThat(results.get(0).outcome()).isEqualTo(CaptureOutcome.MERGED);
        assertThat(results.get(0).lead().id()).isEqualTo(first.id());
        assertThat(results.get(0).lead().version()).isEqualTo(first.version() + 1);
        assertThat(leads.get(first.id()).details().jobTitle()).isEqualTo("Owner");
        assertThat(stored()).hasSize(2);
    }

    @Test
    void idempotency_keys_replay_stored_leads_and_earlier_commands_of_the_batch() {
        Lead earlier = leads.capture(tradeShowLead("Baker").withIdempotencyKey("post-1")).lead();

        List<CaptureResult> results = leads.captureAll(List.of(tradeShowLead("Other").withIdempotencyKey("post-1"),
                tradeShowLead("Clarke").withIdempotencyKey("post-2"),
                tradeShowLead("Someone").withIdempotencyKey("post-2")));

        assertThat(results).extracting(CaptureResult::outcome)
                .containsExactly(CaptureOutcome.REPLAYED, CaptureOutcome.CREATED, CaptureOutcome.REPLAYED);
        assertThat(results.get(0).lead()).isEqualTo(earlier);
        assertThat(results.get(2).lead()).isEqualTo(results.get(1).lead());
        assertThat(stored()).hasSize(2);
    }

    @Test
    void a_merged_submissions_key_replays_later_in_the_batch_in_later_batches_and_in_single_captures() {
        Lead baker = leads.capture(tradeShowLead("Baker")).lead();
        CaptureLead resubmission = CaptureLead.from(LeadSource.WEB_FORM).withEmail("baker@gmail.com")
                .withJobTitle("Owner").withIdempotencyKey("post-3");

        List<CaptureResult> first = leads.captureAll(List.of(resubmission, tradeShowLead("Clarke"), resubmission));
        List<CaptureResult> later = leads.captureAll(List.of(resubmission));
        CaptureResult single = leads.capture(resubmission);

        assertThat(first).extracting(CaptureResult::outcome)
                .containsExactly(CaptureOutcome.MERGED, CaptureOutcome.CREATED, CaptureOutcome.REPLAYED);
        Lead merged = leads.get(baker.id());
        assertThat(merged.version()).isEqualTo(baker.version() + 1);
        assertThat(first.get(2).lead()).isEqualTo(merged);
        assertThat(later).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(CaptureOutcome.REPLAYED);
            assertThat(r.lead()).isEqualTo(merged);
        });
        assertThat(single.outcome()).isEqualTo(CaptureOutcome.REPLAYED);
        assertThat(leads.get(baker.id())).isEqualTo(merged);
        assertThat(fixtures.storage.interactions().timeline(LeadFixtures.TENANT, baker.id(),
                TimelineFilter.everything(), PageRequest.first(10)).items()).hasSize(1);
        assertThat(Collections.frequency(fixtures.publishedTypes(), "lead.resubmitted")).isEqualTo(1);
        assertThat(stored()).hasSize(2);
    }

    @Test
    void a_lead_matching_a_customer_is_linked_to_it() {
        var customer = fixtures.shop.service(CustomerService.class).register(RegisterPerson.named("Ada", "Lovelace")
                .withEmail("ada@analytical.example")).customer();

        List<CaptureResult> results = leads.captureAll(List.of(tradeShowLead("Baker"),
                CaptureLead.from(LeadSource.REFERRAL).withPerson("Ada", "Lovelace").withEmail("Ada@Analytical.example")));

        assertThat(results.get(0).lead().matchedCustomerId()).isNull();
        assertThat(results.get(1).lead().matchedCustomerId()).isEqualTo(customer.id());
        assertThat(results.get(1).matches()).extracting(LeadMatch::kind).containsExactly(LeadMatch.Kind.CUSTOMER);
    }

    @Test
    void no_rep_gets_more_than_capacity_and_the_rest_stay_unassigned() {
        TeamMember ann = fixtures.rep("ann", 1, 2);
        TeamMember bob = fixtures.rep("bob", 1, 2);
        leads.capture(tradeShowLead("Before"));

        List<CaptureResult> results = leads.captureAll(List.of(tradeShowLead("A"), tradeShowLead("B"),
                tradeShowLead("C"), tradeShowLead("D"), tradeShowLead("E")));

        List<Object> owners = new ArrayList<>(results.stream().map(r -> (Object) r.lead().ownerId()).toList());
        assertThat(Collections.frequency(owners, null)).isEqualTo(2);
        assertThat(leads.find(LeadFilter.open().ownedBy(ann.id()), PageRequest.first(10)).items()).hasSize(2);
        assertThat(leads.find(LeadFilter.open().ownedBy(bob.id()), PageRequest.first(10)).items()).hasSize(2);
    }

    @Test
    void one_bad_command_rejects_the_batch_naming_its_position_and_stores_nothing() {
        assertThatThrownBy(() -> leads.captureAll(List.of(tradeShowLead("Baker"), tradeShowLead("Clarke"),
                CaptureLead.from(LeadSource.WEB_FORM).withEmail("not an e-mail"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("commands[2].email");
                    assertThat(e.getMessage()).doesNotContain("not an e-mail");
                });

        assertThat(stored()).isEmpty();
        assertThat(fixtures.storage.outbox().countUndelivered()).isZero();
    }

    @Test
    void a_batch_too_large_or_with_a_null_is_rejected() {
        List<CaptureLead> tooMany = new ArrayList<>();
        for (int i = 0; i <= LeadService.MAX_BATCH; i++) {
            tooMany.add(tradeShowLead("Lead" + i));
        }
        List<CaptureLead> withNull = new ArrayList<>();
        withNull.add(null);

        assertThatThrownBy(() -> leads.captureAll(tooMany)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("commands"));
        assertThatThrownBy(() -> leads.captureAll(withNull)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> leads.captureAll(null)).isInstanceOf(ValidationException.class);
        assertThat(leads.captureAll(List.of())).isEmpty();
        assertThat(stored()).isEmpty();
    }
}
