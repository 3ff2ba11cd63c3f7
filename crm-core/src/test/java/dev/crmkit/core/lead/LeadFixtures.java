package dev.crmkit.core.lead;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.customer.CustomerModule;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.port.RecordingEventListener;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamMember;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.team.TeamRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A whole Crm on the in-memory storage with a clock the test moves, and leads and reps with telling names. */
final class LeadFixtures {
    static final String TENANT = "acme";
    static final String OTHER_TENANT = "globex";
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final InMemoryStorage storage = new InMemoryStorage();
    final RecordingEventListener published = new RecordingEventListener();
    final Crm crm;
    final TenantCrm shop;

    LeadFixtures() {
        this(LeadSettings.defaults());
    }

    LeadFixtures(LeadSettings settings) {
        this.crm = Crm.builder().storage(storage).clock(clock).defaultPhoneRegion("DE").module(LeadModule.builder().settings(settings).build())
                .listener(published).build();
        this.shop = crm.tenant(TENANT);
    }

    /** Default lead settings, with the customer module (its matching settings per tenant) given. */
    LeadFixtures(CustomerModule customers) {
        this.crm = Crm.builder().storage(storage).clock(clock).defaultPhoneRegion("DE").module(customers)
                .module(LeadModule.builder().settings(LeadSettings.defaults()).build()).listener(published).build();
        this.shop = crm.tenant(TENANT);
    }

    LeadService leads() {
        return shop.service(LeadService.class);
    }

    /** An active sales rep with this user id, seniority and capacity. */
    TeamMember rep(String userId, int seniority, int capacity) {
        return shop.service(TeamService.class).add(MemberDetails.of(userId, "Rep " + userId, TeamRole.SALES_REP).withSeniority(seniority)
                .withCapacity(capacity));
    }

    /** An active sales rep covering these territories with these skills. */
    TeamMember specialist(String userId, Set<String> territories, Set<String> skills) {
        return shop.service(TeamService.class).add(MemberDetails.of(userId, "Rep " + userId, TeamRole.SALES_REP)
                .withTerritories(territories).withSkills(skills));
    }

    /** A web-form lead from a decision maker at a mid-sized company, with a business e-mail. */
    static CaptureLead webFormLead(String familyName) {
        return CaptureLead.from(LeadSource.WEB_FORM).withPerson("Grace", familyName)
                .withCompany(familyName + " Systems GmbH", "software", 120).withJobTitle("Head of IT")
                .withEmail(" Grace." + familyName + "@" + familyName.toLowerCase() + "-systems.example ")
                .withLocation("de", "10115", "Berlin")
                .withRawSubmission("{\"name\":\"Grace " + familyName + "\",\"form\":\"demo-request\"}");
    }

    /** A trade-show lead with a free-mail address and nothing else known. */
    static CaptureLead tradeShowLead(String familyName) {
        return CaptureLead.from(LeadSource.TRADE_SHOW).withPerson("Tom", familyName)
                .withEmail(familyName.toLowerCase() + "@gmail.com");
    }

    /** Relays the outbox and returns the types of every event published so far. */
    List<String> publishedTypes() {
        return publishAll().stream().map(PublishedEvent::type).toList();
    }

    List<PublishedEvent> publishAll() {
        while (crm.relay().relayOnce().claimed() > 0) {
            // until the outbox is drained
        }
        return published.received();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }
}
