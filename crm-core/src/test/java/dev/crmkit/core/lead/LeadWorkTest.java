package dev.crmkit.core.lead;

import static dev.crmkit.core.lead.LeadFixtures.tradeShowLead;
import static dev.crmkit.core.lead.LeadFixtures.webFormLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.opportunity.OpportunityService;
import dev.crmkit.core.team.TeamMember;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.core.view.CustomerView;
import dev.crmkit.core.view.CustomerViewService;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LeadWorkTest {
    private final LeadFixtures fixtures = new LeadFixtures();
    private final LeadService leads = fixtures.leads();

    private static Qualification bant() {
        return new Qualification(new BigDecimal("25000"), "EUR", true, "Replace the spreadsheet CRM",
                LocalDate.parse("2026-06-30"));
    }

    private Lead qualified(Lead lead) {
        leads.recordTouchPoint(lead.id(), LeadTouchPoint.of(Channel.PHONE, Direction.OUTBOUND,
                fixtures.clock.instant()).by("rep-1", "reached"));
        leads.updateQualification(lead.id(), bant());
        return leads.qualify(lead.id());
    }

    @Test
    void the_first_outbound_touch_point_makes_a_new_lead_contacted_and_stops_its_alert() {
        Lead lead = leads.capture(webFormLead("Hopper")).lead();
        fixtures.advance(Duration.ofHours(2));

        Lead contacted = leads.recordTouchPoint(lead.id(), LeadTouchPoint.of(Channel.PHONE, Direction.OUTBOUND,
                fixtures.clock.instant()).by("rep-1", "reached"));

        assertThat(contacted.status()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(contacted.firstContactedAt()).isEqualTo(fixtures.clock.instant());
        assertThat(fixtures.storage.dueWork().find(LeadFixtures.TENANT, LeadService.FIRST_CONTACT_DUE,
                lead.id().toString())).as("the alert's due work").isEmpty();
        assertThat(contacted.score().explanation()).contains("+4 engagement.touch-points", "+10 engagement.recent");
        fixtures.advance(Duration.ofDays(2));
        fixtures.crm.scheduler().runDueWork();
        assertThat(fixtures.publishedTypes()).contains("lead.status-changed").doesNotContain("lead.first-contact-overdue");
    }

    @Test
    void a_lead_not_contacted_by_its_target_raises_an_alert_for_its_owner() {
        TeamMember rep = fixtures.rep("rep-1", 3, 10);
        Lead lead = leads.capture(webFormLead("Hopper")).lead();
        fixtures.advance(Duration.ofHours(23));
        assertThat(fixtures.crm.scheduler().runDueWork().claimed()).isZero();

        fixtures.advance(Duration.ofHours(2));
        fixtures.crm.scheduler().runDueWork();

        var overdue = fixtures.publishAll().stream().filter(e -> e.type().equals("lead.first-contact-overdue")).toList();
        assertThat(overdue).singleElement().satisfies(e -> assertThat(e.payload())
                .contains(lead.id().toString(), rep.id().toString()));
        assertThat(leads.queue(rep.id(), 10)).singleElement().satisfies(e -> {
            assertThat(e.isOverdue()).isTrue();
            assertThat(e.priority()).isEqualTo(lead.score().points() + 12 + 50);
        });
    }

    @Test
    void the_lifecycle_refuses_moves_it_does_not_connect_and_names_both_states() {
        Lead lead = leads.capture(webFormLead("Hopper")).lead();

        assertThatThrownBy(() -> leads.qualify(lead.id())).isInstanceOfSatisfying(IllegalTransitionException.class,
                e -> {
                    assertThat(e.from()).isEqualTo("NEW");
                    assertThat(e.to()).isEqualTo("QUALIFIED");
                });
        assertThatThrownBy(() -> leads.convert(ConvertLead.of(lead.id(), Actor.user("rep-1"))))
                .isInstanceOf(IllegalTransitionException.class);
        Lead disqualified = leads.disqualify(lead.id(), "student project, no budget");
        assertThat(disqualified.status()).isEqualTo(LeadStatus.DISQUALIFIED);
        assertThat(disqualified.disqualificationReason()).isEqualTo("student project, no budget");
        assertThat(disqualified.closedAt()).isNotNull();
        assertThatThrownBy(() -> leads.nurture(lead.id())).isInstanceOf(IllegalTransitionException.class);
        assertThat(leads.recycle(lead.id()).status()).isEqualTo(LeadStatus.NURTURING);
        assertThat(LeadLifecycle.next(LeadStatus.CONVERTED)).isEmpty();
    }

    @Test
    void qualifying_needs_the_need_and_three_bant_answers() {
        Lead lead = leads.capture(webFormLead("Hopper")).lead();
        leads.recordTouchPoint(lead.id(), LeadTouchPoint.of(Channel.EMAIL, Direction.OUTBOUND, fixtures.clock.instant()));
        leads.updateQualification(lead.id(), new Qualification(null, null, true, null, LocalDate.parse("2026-09-01")));

        assertThatThrownBy(() -> leads.qualify(lead.id())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("qualification.need"));
        Lead answered = leads.updateQualification(lead.id(), bant());
        assertThat(answered.score().explanation()).contains("+20 fit.bant");
        assertThat(leads.qualify(lead.id()).status()).isEqualTo(LeadStatus.QUALIFIED);
    }

    @Test
    void corrected_details_are_normalized_rescored_and_announced_and_an_empty_part_clears() {
        Lead lead = leads.capture(webFormLead("Hopper").withPhone("030 1234567")).lead();
        String nameKey = fixtures.storage.leads().get(LeadFixtures.TENANT, lead.id()).orElseThrow().nameKey();

        Lead corrected = leads.updateDetails(UpdateLeadDetails.of(lead.id()).withPerson(null, "Hopper-Murray")
                .withEmail(" Grace.Murray@Hopper-Systems.example ").withPhone("").withJobTitle("Developer"));

        assertThat(corrected.details().familyName()).isEqualTo("Hopper-Murray");
        assertThat(corrected.details().givenName()).as("left as it was").isEqualTo("Grace");
        assertThat(corrected.details().email()).isEqualTo("grace.murray@hopper-systems.example");
        assertThat(corrected.details().phone()).as("cleared").isNull();
        assertThat(corrected.details().companyName()).isEqualTo(lead.details().companyName());
        assertThat(corrected.version()).isEqualTo(lead.version() + 1);
        assertThat(lead.score().explanation()).contains("+15 fit.decision-maker", "+5 fit.phone");
        assertThat(corrected.score().explanation()).doesNotContain("+15 fit.decision-maker", "+5 fit.phone");
        assertThat(leads.get(lead.id())).isEqualTo(corrected);
        assertThat(fixtures.storage.leads().get(LeadFixtures.TENANT, lead.id()).orElseThrow().nameKey())
                .as("derived again from the new family name").isNotEqualTo(nameKey).contains("murray");
        assertThat(fixtures.publishedTypes()).as("the change, then the score it moved")
                .containsSubsequence("lead.captured", "lead.changed", "lead.scored");
        assertThat(leads.capture(tradeShowLead("Other").withEmail("grace.murray@hopper-systems.example"))
                .outcome()).as("matched by the corrected address").isEqualTo(CaptureOutcome.MERGED);
    }

    @Test
    void a_correction_that_is_bad_or_leaves_nobody_is_refused_and_one_that_changes_nothing_writes_nothing() {
        Lead lead = leads.capture(tradeShowLead("Baker")).lead();

        assertThatThrownBy(() -> leads.updateDetails(UpdateLeadDetails.of(lead.id()).withEmail("baker@")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> leads.updateDetails(UpdateLeadDetails.of(lead.id()).withPhone("030 1234567'; --")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("phone"));
        assertThatThrownBy(() -> leads.updateDetails(UpdateLeadDetails.of(lead.id()).withPerson("", " ")
                .withEmail(""))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("details"));
        assertThatThrownBy(() -> leads.updateDetails(UpdateLeadDetails.of(lead.id()).withLocation("XX", null, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("countryCode"));
        assertThat(leads.updateDetails(UpdateLeadDetails.of(lead.id()).withEmail("BAKER@gmail.com")))
                .isEqualTo(lead);
        assertThat(leads.get(lead.id())).isEqualTo(lead);
        assertThat(fixtures.publishedTypes()).doesNotContain("lead.changed");

        leads.disqualify(lead.id(), "no budget");
        assertThatThrownBy(() -> leads.updateDetails(UpdateLeadDetails.of(lead.id()).withJobTitle("Owner")))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void conversion_registers_the_customer_and_moves_the_leads_touch_points_to_its_360_view() {
        TeamMember rep = fixtures.rep("rep-1", 3, 10);
        Lead lead = qualified(leads.capture(webFormLead("Hopper").withPhone("030 1234567")).lead());

        Conversion conversion = leads.convert(ConvertLead.of(lead.id(), Actor.user("rep-1")));

        assertThat(conversion.newCustomer()).isTrue();
        assertThat(conversion.touchPointsMoved()).isEqualTo(1);
        assertThat(conversion.lead().status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(conversion.lead().convertedCustomerId()).isEqualTo(conversion.customerId());
        var customer = fixtures.shop.service(CustomerService.class).get(conversion.customerId());
        assertThat(customer.displayName()).isEqualTo("Grace Hopper");
        assertThat(customer.ownerId()).isEqualTo(rep.id());
        CustomerView view = fixtures.shop.service(CustomerViewService.class).view(conversion.customerId());
        assertThat(view.timeline().items()).hasSize(1);
        assertThat(view.origins()).singleElement().satisfies(o -> {
            assertThat(o.leadId()).isEqualTo(lead.id());
            assertThat(o.source()).isEqualTo(LeadSource.WEB_FORM);
            assertThat(o.convertedAt()).isEqualTo(conversion.lead().closedAt());
        });
        assertThat(fixtures.publishedTypes()).contains("lead.converted", "customer.registered");
        assertThatThrownBy(() -> leads.convert(ConvertLead.of(lead.id(), Actor.user("rep-1"))))
                .as("converted is final").isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void a_lead_naming_only_a_company_converts_into_an_organization_with_its_contact_data_and_owner() {
        TeamMember rep = fixtures.rep("rep-1", 3, 10);
        Lead lead = qualified(leads.capture(CaptureLead.from(LeadSource.PHONE).withCompany("Baker & Sons", "retail", 12)
                .withEmail("info@baker-sons.example").withPhone("030 7654321")).lead());
        Lead person = qualified(leads.capture(tradeShowLead("Lamarr")).lead());

        var organization = fixtures.shop.service(CustomerService.class).get(leads.convert(
                ConvertLead.of(lead.id(), Actor.user("rep-1"))).customerId());
        var customer = fixtures.shop.service(CustomerService.class).get(leads.convert(
                ConvertLead.of(person.id(), Actor.user("rep-1"))).customerId());

        assertThat(organization.kind()).isEqualTo(dev.crmkit.model.customer.PartyKind.ORGANIZATION);
        assertThat(organization.displayName()).isEqualTo("Baker & Sons");
        assertThat(organization.contactPoints()).extracting(dev.crmkit.core.customer.ContactPoint::value)
                .containsExactlyInAnyOrder("info@baker-sons.example", "+49307654321");
        assertThat(organization.ownerId()).isEqualTo(rep.id());
        assertThat(customer.kind()).isEqualTo(dev.crmkit.model.customer.PartyKind.PERSON);
        assertThat(customer.organizationName()).as("the lead named no company").isNull();
        assertThat(customer.contactPoints()).extracting(dev.crmkit.core.customer.ContactPoint::value)
                .containsExactly("lamarr@gmail.com");
    }

    @Test
    void conversion_can_open_an_opportunity_owned_by_the_leads_rep_with_the_leads_source() {
        TeamMember rep = fixtures.rep("rep-1", 3, 10);
        Lead lead = qualified(leads.capture(webFormLead("Hopper")).lead());

        Conversion conversion = leads.convert(ConvertLead.of(lead.id(), Actor.user("rep-1"))
                .withOpportunity("Hopper Systems: 50 seats", Money.of("25000", "EUR")));

        var deal = fixtures.shop.service(OpportunityService.class).opportunity(conversion.opportunityId());
        assertThat(deal.customerId()).isEqualTo(conversion.customerId());
        assertThat(deal.ownerId()).isEqualTo(rep.id());
        assertThat(deal.amount()).isEqualTo(Money.of("25000", "EUR"));
        assertThat(conversion.lead().convertedOpportunityId()).isEqualTo(deal.id());
        assertThat(fixtures.shop.service(CustomerViewService.class).view(conversion.customerId()).origins())
                .singleElement().satisfies(o -> assertThat(o.opportunityId()).isEqualTo(deal.id()));
        assertThat(fixtures.publishedTypes()).contains("opportunity.opened", "lead.converted");
    }

    @Test
    void merging_the_converted_customer_away_takes_its_leads_and_opportunities_to_the_survivor() {
        fixtures.rep("rep-1", 3, 10);
        Lead lead = qualified(leads.capture(webFormLead("Hopper")).lead());
        Conversion conversion = leads.convert(ConvertLead.of(lead.id(), Actor.user("rep-1"))
                .withOpportunity("Hopper Systems: 50 seats", Money.of("25000", "EUR")));
        Lead linked = leads.capture(tradeShowLead("Baker").withEmail("grace.hopper@hopper-systems.example")).lead();
        var survivor = fixtures.shop.service(CustomerService.class).register(dev.crmkit.core.customer.RegisterPerson.named("Grace",
                "Hopper-Smith")).customer();

        fixtures.shop.service(CustomerService.class).merge(survivor.id(), conversion.customerId(), Actor.user("admin"));

        assertThat(linked.matchedCustomerId()).isEqualTo(conversion.customerId());
        assertThat(leads.get(linked.id()).matchedCustomerId()).isEqualTo(survivor.id());
        assertThat(leads.get(lead.id()).convertedCustomerId()).isEqualTo(survivor.id());
        assertThat(fixtures.shop.service(OpportunityService.class).opportunity(conversion.opportunityId()).customerId())
                .isEqualTo(survivor.id());
        CustomerView view = fixtures.shop.service(CustomerViewService.class).view(survivor.id());
        assertThat(view.origins()).singleElement().satisfies(o -> {
            assertThat(o.leadId()).isEqualTo(lead.id());
            assertThat(o.opportunityId()).isEqualTo(conversion.opportunityId());
        });
        assertThat(fixtures.publishAll()).filteredOn(e -> e.type().equals("customer.merged")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("\"leads\":2", "\"opportunities\":1"));
    }

    @Test
    void conversion_of_a_lead_linked_to_a_customer_goes_to_that_customer() {
        var ada = fixtures.shop.service(CustomerService.class).register(dev.crmkit.core.customer.RegisterPerson.named("Grace", "Hopper")
                .withEmail("grace.hopper@hopper-systems.example")).customer();
        Lead lead = qualified(leads.capture(webFormLead("Hopper")).lead());

        Conversion conversion = leads.convert(ConvertLead.of(lead.id(), Actor.user("rep-1")));

        assertThat(conversion.newCustomer()).isFalse();
        assertThat(conversion.customerId()).isEqualTo(ada.id());
    }

    @Test
    void round_robin_goes_around_the_available_reps_and_skips_the_away_and_the_full() {
        TeamMember a = fixtures.rep("a", 1, 10);
        TeamMember b = fixtures.rep("b", 1, 10);
        TeamMember c = fixtures.rep("c", 1, 1);
        fixtures.shop.service(TeamService.class).setAway(b.id(), fixtures.clock.instant().plus(Duration.ofDays(3)));

        List<Object> owners = List.of(leads.capture(tradeShowLead("One")).lead().ownerId(),
                leads.capture(tradeShowLead("Two")).lead().ownerId(),
                leads.capture(tradeShowLead("Three")).lead().ownerId(),
                leads.capture(tradeShowLead("Four")).lead().ownerId());

        assertThat(owners).doesNotContain(b.id());
        assertThat(owners.stream().filter(c.id()::equals).count()).as("c has capacity 1").isEqualTo(1);
        assertThat(owners.stream().filter(a.id()::equals).count()).isEqualTo(3);
    }

    @Test
    void least_busy_gives_the_next_lead_to_the_rep_with_the_fewest_open_leads() {
        LeadFixtures busy = new LeadFixtures(LeadSettings.defaults().withDistribution(DistributionStrategies.leastBusy()));
        TeamMember a = busy.rep("a", 1, 10);
        Lead first = busy.leads().capture(tradeShowLead("One")).lead();
        busy.leads().capture(tradeShowLead("Two"));
        TeamMember newcomer = busy.rep("new", 1, 10);

        Lead third = busy.leads().capture(tradeShowLead("Three")).lead();

        assertThat(first.ownerId()).isEqualTo(a.id());
        assertThat(third.ownerId()).as("a rep with nothing open counts").isEqualTo(newcomer.id());
    }

    @Test
    void by_seniority_the_best_scored_lead_goes_to_the_most_experienced_rep() {
        LeadFixtures senior = new LeadFixtures(LeadSettings.defaults()
                .withDistribution(DistributionStrategies.bySeniority()));
        TeamMember junior = senior.rep("junior", 0, 10);
        TeamMember expert = senior.rep("expert", 6, 10);

        Lead hot = senior.leads().capture(webFormLead("Hopper").withPhone("030 1234567")
                .withCompany("Hopper Systems GmbH", "software", 500)).lead();
        Lead cold = senior.leads().capture(tradeShowLead("Baker")).lead();

        assertThat(hot.score().points()).isGreaterThanOrEqualTo(40);
        assertThat(hot.ownerId()).isEqualTo(expert.id());
        assertThat(cold.ownerId()).isEqualTo(junior.id());
    }

    @Test
    void territory_and_skill_match_prefers_the_rep_covering_the_country_with_the_industry() {
        LeadFixtures routed = new LeadFixtures(LeadSettings.defaults()
                .withDistribution(DistributionStrategies.territoryAndSkill(DistributionStrategies.leastBusy())));
        routed.specialist("france", Set.of("FR"), Set.of("software"));
        TeamMember germany = routed.specialist("germany", Set.of("DE"), Set.of("software"));
        routed.specialist("germany-retail", Set.of("DE"), Set.of("retail"));

        Lead lead = routed.leads().capture(webFormLead("Hopper")).lead();

        assertThat(lead.ownerId()).isEqualTo(germany.id());
    }

    @Test
    void a_deactivated_reps_open_leads_go_to_the_others_when_the_deactivation_is_relayed() {
        TeamMember a = fixtures.rep("a", 1, 10);
        TeamMember b = fixtures.rep("b", 1, 10);
        Lead one = leads.capture(tradeShowLead("One")).lead();
        Lead two = leads.capture(tradeShowLead("Two")).lead();
        assertThat(List.of(one.ownerId(), two.ownerId())).containsExactlyInAnyOrder(a.id(), b.id());
        TeamMember leaving = one.ownerId().equals(a.id()) ? a : b;

        fixtures.shop.service(TeamService.class).deactivate(leaving.id());
        fixtures.publishAll();

        assertThat(List.of(leads.get(one.id()).ownerId(), leads.get(two.id()).ownerId()))
                .doesNotContain(leaving.id()).doesNotContainNull();
        assertThat(fixtures.publishedTypes()).contains("lead.assigned");
    }

    @Test
    void manual_assignment_refuses_an_unavailable_or_full_rep() {
        LeadFixtures manual = new LeadFixtures(LeadSettings.defaults().withDistribution(null));
        TeamMember full = manual.rep("full", 1, 1);
        TeamMember gone = manual.rep("gone", 1, 5);
        manual.shop.service(TeamService.class).deactivate(gone.id());
        Lead one = manual.leads().capture(tradeShowLead("One")).lead();
        Lead two = manual.leads().capture(tradeShowLead("Two")).lead();
        assertThat(one.ownerId()).as("no strategy: unassigned").isNull();

        assertThat(manual.leads().assign(one.id(), full.id()).ownerId()).isEqualTo(full.id());
        assertThatThrownBy(() -> manual.leads().assign(two.id(), full.id()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).contains("capacity"));
        assertThatThrownBy(() -> manual.leads().assign(two.id(), gone.id()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).contains("available"));
        assertThat(manual.leads().get(two.id()).ownerId()).isNull();
    }

    @Test
    void the_queue_puts_urgent_and_hot_leads_first() {
        TeamMember rep = fixtures.rep("rep-1", 3, 10);
        Lead cold = leads.capture(tradeShowLead("Baker")).lead();
        Lead hot = leads.capture(webFormLead("Hopper")).lead();

        List<QueueEntry> queue = leads.queue(rep.id(), 10);

        assertThat(queue).extracting(e -> e.lead().id()).containsExactly(hot.id(), cold.id());
        assertThat(queue.get(0).timeToFirstContact()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void the_funnel_counts_leads_per_source_and_state_with_the_conversion_rate() {
        Lead a = qualified(leads.capture(webFormLead("Hopper")).lead());
        leads.convert(ConvertLead.of(a.id(), Actor.user("rep-1")));
        Lead b = leads.capture(webFormLead("Lamarr")).lead();
        leads.disqualify(b.id(), "competitor");
        leads.capture(webFormLead("Noether"));
        leads.capture(tradeShowLead("Baker"));

        List<SourceFunnel> funnel = leads.funnel(LeadFixtures.START, LeadFixtures.START.plus(Duration.ofDays(1)));

        assertThat(funnel).extracting(SourceFunnel::source).containsExactly(LeadSource.WEB_FORM, LeadSource.TRADE_SHOW);
        SourceFunnel web = funnel.get(0);
        assertThat(web.total()).isEqualTo(3);
        assertThat(web.byStatus()).containsEntry(LeadStatus.CONVERTED, 1L).containsEntry(LeadStatus.DISQUALIFIED, 1L)
                .containsEntry(LeadStatus.NEW, 1L);
        assertThat(web.conversionRate()).isEqualTo(0.5);
        assertThat(leads.funnel(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-02-01T00:00:00Z"))).isEmpty();
    }
}
