package dev.crmkit.core.lead;

import static dev.crmkit.core.lead.LeadFixtures.tradeShowLead;
import static dev.crmkit.core.lead.LeadFixtures.webFormLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.customer.CustomerModule;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.MatchLevel;
import dev.crmkit.core.customer.MatchSettings;
import dev.crmkit.core.customer.MatchWeights;
import dev.crmkit.core.customer.MatchReason;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadFilter;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.model.touchpoint.TimelineFilter;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LeadCaptureTest {
    private final LeadFixtures fixtures = new LeadFixtures();
    private final LeadService leads = fixtures.leads();

    private long storedLeads() {
        return leads.find(LeadFilter.all(), PageRequest.first(1000)).items().size();
    }

    @Test
    void captured_lead_is_normalized_attributed_scored_and_announced_without_personal_data() {
        CaptureResult result = leads.capture(webFormLead("Hopper").withPhone("030 1234567")
                .withCampaign("spring-webinar", "utm_source=newsletter"));

        Lead lead = result.lead();
        assertThat(result.outcome()).isEqualTo(CaptureOutcome.CREATED);
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.details().email()).isEqualTo("grace.hopper@hopper-systems.example");
        assertThat(lead.details().phone()).isEqualTo("+49301234567");
        assertThat(lead.details().countryCode()).isEqualTo("DE");
        assertThat(lead.attribution().source()).isEqualTo(LeadSource.WEB_FORM);
        assertThat(lead.attribution().campaignId()).isEqualTo("spring-webinar");
        assertThat(lead.attribution().rawSubmission()).contains("demo-request");
        assertThat(lead.firstContactDueAt()).isEqualTo(LeadFixtures.START.plus(Duration.ofHours(24)));
        assertThat(lead.score().explanation()).containsExactly("+10 fit.company-size", "+15 fit.decision-maker",
                "+10 fit.business-email", "+5 fit.phone");
        assertThat(lead.score().points()).isEqualTo(40);
        assertThat(leads.get(lead.id())).isEqualTo(lead);
        PublishedEvent captured = fixtures.publishAll().get(0);
        assertThat(captured.type()).isEqualTo("lead.captured");
        assertThat(captured.aggregateType()).isEqualTo("lead");
        assertThat(captured.payload()).contains(lead.id().toString(), "WEB_FORM", "spring-webinar")
                .doesNotContain("Hopper", "hopper", "1234567");
    }

    @Test
    void a_retried_capture_with_the_same_key_returns_the_first_lead_and_changes_nothing() {
        Lead first = leads.capture(webFormLead("Hopper").withIdempotencyKey("form-post-17")).lead();

        CaptureResult again = leads.capture(webFormLead("Someone").withIdempotencyKey("form-post-17"));

        assertThat(again.outcome()).isEqualTo(CaptureOutcome.REPLAYED);
        assertThat(again.lead()).isEqualTo(first);
        assertThat(storedLeads()).isEqualTo(1);
    }

    @Test
    void the_same_email_as_an_open_lead_merges_into_it_filling_gaps_and_recording_the_submission() {
        Lead first = leads.capture(tradeShowLead("Baker")).lead();

        CaptureResult second = leads.capture(CaptureLead.from(LeadSource.WEB_FORM).withEmail("BAKER@gmail.com")
                .withCompany("Baker & Sons", "retail", 12).withRawSubmission("{\"second\":true}"));

        assertThat(second.outcome()).isEqualTo(CaptureOutcome.MERGED);
        assertThat(second.lead().id()).isEqualTo(first.id());
        assertThat(second.lead().details().companyName()).isEqualTo("Baker & Sons");
        assertThat(second.lead().details().givenName()).as("kept, not overwritten").isEqualTo("Tom");
        assertThat(second.lead().attribution().source()).as("the first source stays").isEqualTo(LeadSource.TRADE_SHOW);
        assertThat(second.matches()).first().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(LeadMatch.Kind.LEAD);
            assertThat(m.reasons()).contains(MatchReason.SAME_EMAIL);
        });
        assertThat(storedLeads()).isEqualTo(1);
        assertThat(fixtures.storage.interactions().timeline(LeadFixtures.TENANT, first.id(), TimelineFilter.everything(),
                PageRequest.first(10)).items()).singleElement()
                .satisfies(i -> assertThat(i.summary()).isEqualTo("{\"second\":true}"));
        assertThat(second.lead().score().explanation()).contains("+4 engagement.touch-points");
        assertThat(fixtures.publishedTypes()).contains("lead.resubmitted", "lead.scored");
    }

    @Test
    void a_retried_resubmission_that_was_merged_replays_the_merge_and_leaves_no_second_touch_point() {
        Lead first = leads.capture(tradeShowLead("Baker")).lead();
        CaptureLead resubmission = CaptureLead.from(LeadSource.WEB_FORM).withEmail("baker@gmail.com")
                .withCompany("Baker & Sons", "retail", 12).withIdempotencyKey("form-post-18");
        Lead merged = leads.capture(resubmission).lead();

        CaptureResult again = leads.capture(resubmission);
        List<CaptureResult> inBatch = leads.captureAll(List.of(resubmission, webFormLead("Hopper")));

        assertThat(again.outcome()).isEqualTo(CaptureOutcome.REPLAYED);
        assertThat(again.lead()).isEqualTo(merged).extracting(Lead::id).isEqualTo(first.id());
        assertThat(inBatch.get(0).outcome()).isEqualTo(CaptureOutcome.REPLAYED);
        assertThat(inBatch.get(0).lead()).isEqualTo(merged);
        assertThat(fixtures.storage.interactions().timeline(LeadFixtures.TENANT, first.id(),
                TimelineFilter.everything(), PageRequest.first(10)).items()).hasSize(1);
        assertThat(Collections.frequency(fixtures.publishedTypes(), "lead.resubmitted")).isEqualTo(1);
        assertThat(storedLeads()).isEqualTo(2);
    }

    @Test
    void a_lead_matching_a_customer_is_linked_to_it() {
        var customer = fixtures.shop.service(CustomerService.class).register(RegisterPerson.named("Ada", "Lovelace")
                .withEmail("ada@analytical.example")).customer();

        CaptureResult result = leads.capture(CaptureLead.from(LeadSource.REFERRAL).withPerson("Ada", "Lovelace")
                .withEmail("Ada@Analytical.example"));

        assertThat(result.outcome()).isEqualTo(CaptureOutcome.CREATED);
        assertThat(result.lead().matchedCustomerId()).isEqualTo(customer.id());
        assertThat(result.lead().needsReview()).isFalse();
        assertThat(result.matches()).extracting(LeadMatch::kind).containsExactly(LeadMatch.Kind.CUSTOMER);
    }

    @Test
    void under_review_all_a_match_is_stored_as_a_new_lead_flagged_for_review() {
        LeadFixtures reviewing = new LeadFixtures(LeadSettings.defaults().withDedup(LeadDedupPolicy.reviewAll()));
        Lead first = reviewing.leads().capture(tradeShowLead("Baker")).lead();

        CaptureResult second = reviewing.leads().capture(tradeShowLead("Baker"));

        assertThat(second.outcome()).isEqualTo(CaptureOutcome.CREATED);
        assertThat(second.lead().id()).isNotEqualTo(first.id());
        assertThat(second.lead().needsReview()).isTrue();
        assertThat(reviewing.leads().find(LeadFilter.all().needingReview(true), PageRequest.first(10)).items())
                .extracting(Lead::id).containsExactly(second.lead().id());
    }

    @Test
    void a_similar_name_at_the_same_company_is_only_flagged_never_merged() {
        leads.capture(CaptureLead.from(LeadSource.EVENT).withPerson("Katherine", "Johnson")
                .withCompany("NASA Langley", null, null));

        CaptureResult second = leads.capture(CaptureLead.from(LeadSource.WEB_FORM).withPerson("Katharine", "Johnson")
                .withCompany("NASA Langley", null, null));

        assertThat(second.outcome()).isEqualTo(CaptureOutcome.CREATED);
        assertThat(second.lead().needsReview()).isTrue();
        assertThat(second.matches()).singleElement().satisfies(m -> {
            assertThat(m.isStrong()).isFalse();
            assertThat(m.reasons()).containsExactly(MatchReason.SIMILAR_NAME_SAME_ORGANIZATION);
        });
    }

    @Test
    void leads_are_matched_with_each_other_by_the_tenants_match_weights() {
        // given: a tenant whose weights let an equal name decide (6 + 6 against the even weight 5), another the
        // defaults
        MatchWeights namesDecide = MatchWeights.defaults().with(MatchLevel.FAMILY_EQUAL, 6.0)
                .with(MatchLevel.GIVEN_EQUAL, 6.0);
        LeadFixtures tuned = new LeadFixtures(CustomerModule.builder()
                .matching(LeadFixtures.TENANT, MatchSettings.defaults().withWeights(namesDecide)).build());
        LeadFixtures usual = new LeadFixtures(CustomerModule.builder()
                .matching(LeadFixtures.OTHER_TENANT, MatchSettings.defaults().withWeights(namesDecide)).build());
        CaptureLead anna = CaptureLead.from(LeadSource.EVENT).withPerson("Anna", "Schubert");
        CaptureLead annaAgain = CaptureLead.from(LeadSource.WEB_FORM).withPerson("Anna", "Schubert");
        Lead first = tuned.leads().capture(anna).lead();
        usual.leads().capture(anna);

        // when
        CaptureResult tunedSecond = tuned.leads().capture(annaAgain);
        CaptureResult usualSecond = usual.leads().capture(annaAgain);

        // then: the tuned tenant scores the equal name 0.992, a strong match, and merges; the default scores it 0.667
        assertThat(tunedSecond.outcome()).isEqualTo(CaptureOutcome.MERGED);
        assertThat(tunedSecond.lead().id()).isEqualTo(first.id());
        assertThat(tunedSecond.matches()).singleElement().satisfies(m -> assertThat(m.score()).isEqualTo(0.992));
        assertThat(usualSecond.outcome()).as("below the possible threshold: no match")
                .isEqualTo(CaptureOutcome.CREATED);
        assertThat(usualSecond.matches()).isEmpty();
    }

    @Test
    void a_tenants_possible_threshold_decides_which_leads_are_matches() {
        // given: a possible threshold of 0.6 lets the same name alone (0.667 at the default weights) count
        LeadFixtures lenient = new LeadFixtures(CustomerModule.builder()
                .matching(LeadFixtures.TENANT, MatchSettings.defaults().withThresholds(0.9, 0.6)).build());
        lenient.leads().capture(CaptureLead.from(LeadSource.EVENT).withPerson("Anna", "Schubert"));

        // when
        CaptureResult second = lenient.leads()
                .capture(CaptureLead.from(LeadSource.WEB_FORM).withPerson("Anna", "Schubert"));

        // then: a weak match, flagged for review, not merged
        assertThat(second.outcome()).isEqualTo(CaptureOutcome.CREATED);
        assertThat(second.lead().needsReview()).isTrue();
        assertThat(second.matches()).singleElement().satisfies(m -> {
            assertThat(m.score()).isEqualTo(0.667);
            assertThat(m.isStrong()).isFalse();
        });
    }

    @Test
    void bad_input_names_the_field_and_stores_nothing() {
        assertThatThrownBy(() -> leads.capture(webFormLead("Hopper").withEmail("not-an-address")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> leads.capture(webFormLead("Hopper").withPhone("12")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("phone"));
        assertThatThrownBy(() -> leads.capture(webFormLead("Hopper").withPhone("+49 30 1234567'; --")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("phone"));
        assertThatThrownBy(() -> leads.capture(webFormLead("Hopper").withLocation("XX", null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("countryCode"));
        assertThatThrownBy(() -> leads.capture(CaptureLead.from(LeadSource.OTHER)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("details"));
        assertThatThrownBy(() -> leads.capture(webFormLead("Hopper").withCompany("x", "y", -1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("employees"));
        assertThatThrownBy(() -> leads.capture(webFormLead("Hopper").withRawSubmission("x".repeat(16_001))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("rawSubmission"));
        assertThatThrownBy(() -> CaptureLead.from(null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("source"));
        assertThat(storedLeads()).isZero();
        assertThat(fixtures.publishedTypes()).isEmpty();
    }

    @Test
    void tenants_never_see_each_others_leads() {
        Lead ours = leads.capture(webFormLead("Hopper")).lead();
        LeadService theirs = fixtures.crm.tenant(LeadFixtures.OTHER_TENANT).service(LeadService.class);

        CaptureResult same = theirs.capture(webFormLead("Hopper"));

        assertThat(same.outcome()).as("no match across tenants").isEqualTo(CaptureOutcome.CREATED);
        assertThat(same.matches()).isEmpty();
        assertThatThrownBy(() -> theirs.get(ours.id())).isInstanceOf(dev.crmkit.model.NotFoundException.class);
        assertThat(theirs.find(LeadFilter.all(), PageRequest.first(10)).items()).extracting(Lead::id)
                .containsExactly(same.lead().id());
    }
}
