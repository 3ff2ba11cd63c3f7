package dev.crmkit.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.interchange.LeadColumn;
import dev.crmkit.core.interchange.LeadCsvImport;
import dev.crmkit.core.interchange.LeadCsvMapping;
import dev.crmkit.core.interchange.LeadImportReport;
import dev.crmkit.core.lead.CaptureLead;
import dev.crmkit.core.lead.CaptureResult;
import dev.crmkit.core.lead.Conversion;
import dev.crmkit.core.lead.ConvertLead;
import dev.crmkit.core.lead.DistributionStrategies;
import dev.crmkit.core.lead.EngagementRules;
import dev.crmkit.core.lead.FitRules;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadModule;
import dev.crmkit.core.lead.LeadService;
import dev.crmkit.core.lead.LeadSettings;
import dev.crmkit.core.lead.LeadTouchPoint;
import dev.crmkit.core.lead.QueueEntry;
import dev.crmkit.core.lead.TrainingReport;
import dev.crmkit.core.opportunity.Opportunity;
import dev.crmkit.core.opportunity.OpportunityService;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamMember;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.core.view.CustomerViewService;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.opportunity.ReportPeriod;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A software company's sales team on CRMKit, on embedded H2: last quarter's leads train the predictive model,
 * today's leads arrive from a web form, a referral, a phone call and a trade-show list, are de-duplicated, scored
 * with explanations and distributed to the team; a rep works the queue, qualifies and converts a lead into a
 * customer and a deal; deals are won and lost; the queue and the sales reports are printed.
 *
 * <pre>mvn -q -pl examples -am compile exec:java</pre>
 */
public final class SalesScenario {
    private static final String TENANT = "northwind-software";
    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
    private static final Actor MANAGER = Actor.user("sales-manager");

    private SalesScenario() {
    }

    public static void main(String[] args) {
        ScenarioClock clock = new ScenarioClock(START.minus(Duration.ofDays(90)));
        Map<String, Integer> delivered = new TreeMap<>();
        LeadSettings settings = LeadSettings.defaults()
                .withModels(List.of(FitRules.defaults().withTargetIndustries(Set.of("software", "logistics"))
                        .withTargetCountries(Set.of("DE", "AT", "CH")), new EngagementRules()))
                .withDistribution(DistributionStrategies.territoryAndSkill(DistributionStrategies.leastBusy()))
                .withFirstContactTarget(Duration.ofHours(4));
        try (HikariDataSource h2 = embeddedH2();
                Crm crm = Crm.builder()
                        .storage(JdbcStorage.builder().dataSource(h2).migrate(true).build())
                        .clock(clock).defaultPhoneRegion("DE").nodeId("example-node")
                        .module(LeadModule.builder().settings(TENANT, settings).build())
                        .listener(event -> delivered.merge(event.type(), 1, Integer::sum))
                        .build()) {
            TenantCrm sales = crm.tenant(TENANT);

            heading("1. The sales team");
            TeamMember anja = rep(sales, "anja", "Anja Berger", 8, Set.of("DE", "AT"), Set.of("software"));
            TeamMember ben = rep(sales, "ben", "Ben Okafor", 5, Set.of("DE", "CH"), Set.of("logistics"));
            TeamMember chloe = rep(sales, "chloe", "Chloé Martin", 2, Set.of("FR", "BE"), Set.of("software", "retail"));
            Map<UUID, String> names = Map.of(anja.id(), "Anja", ben.id(), "Ben", chloe.id(), "Chloé");
            names.forEach((id, name) -> System.out.printf("   %s%n", name));

            heading("2. Last quarter's leads teach the predictive model");
            history(sales, clock);
            TrainingReport training = sales.service(LeadService.class).trainPredictiveModel();
            System.out.printf("   trained on %d converted and %d disqualified leads: %s%n", training.converted(),
                    training.lost(), training.trained() ? "model version " + training.modelVersion() + " stored"
                    : "not enough history");
            clock.advance(Duration.ofDays(90));

            heading("3. Today's leads arrive");
            sales.service(CustomerService.class).register(RegisterPerson.named("Jonas", "Weber").withEmail("jonas.weber@kontor.example"));
            CaptureResult web = sales.service(LeadService.class).capture(CaptureLead.from(LeadSource.WEB_FORM)
                    .withPerson("Greta", "Hoffmann").withEmail(" Greta.Hoffmann@Spedition-Nord.example ")
                    .withPhone("040 1234567").withCompany("Spedition Nord GmbH", "logistics", 240)
                    .withJobTitle("Head of Operations").withLocation("DE", "20095", "Hamburg")
                    .withCampaign("fleet-webinar", "utm_source=newsletter&utm_campaign=fleet")
                    .withRawSubmission("{\"form\":\"demo-request\",\"seats\":\"40\"}"));
            CaptureResult referral = sales.service(LeadService.class).capture(CaptureLead.from(LeadSource.REFERRAL)
                    .withPerson("Jonas", "Weber").withEmail("jonas.weber@kontor.example")
                    .withCompany("Kontor Software AG", "software", 80).withLocation("AT", "1010", "Wien"));
            CaptureResult phone = sales.service(LeadService.class).capture(CaptureLead.from(LeadSource.PHONE)
                    .withPerson("Lukas", "Brandt").withPhone("+49 89 7654321")
                    .withCompany("Brandt Logistik", "logistics", 35).withLocation("CH", "8001", "Zürich"));
            CaptureResult again = sales.service(LeadService.class).capture(CaptureLead.from(LeadSource.WEB_FORM)
                    .withEmail("greta.hoffmann@spedition-nord.example").withJobTitle("COO")
                    .withRawSubmission("{\"form\":\"pricing\"}"));
            LeadImportReport imported = LeadCsvImport.of(sales.service(LeadService.class), LeadCsvMapping.of(LeadSource.TRADE_SHOW)
                    .map(LeadColumn.EXTERNAL_ID, "Badge").map(LeadColumn.GIVEN_NAME, "First name")
                    .map(LeadColumn.FAMILY_NAME, "Last name").map(LeadColumn.EMAIL, "E-mail")
                    .map(LeadColumn.COMPANY, "Company").map(LeadColumn.INDUSTRY, "Industry")
                    .map(LeadColumn.COUNTRY, "Country"))
                    .run(new StringReader(TRADE_SHOW_LIST), soFar -> { });
            print("web form", web);
            print("referral", referral);
            print("phone call", phone);
            print("web form again", again);
            System.out.printf("   trade-show list: %d rows, %d leads created, %d merged, %d refused%n",
                    imported.rowsRead(), imported.created(), imported.merged(), imported.errors().size());
            imported.errors().forEach(e -> System.out.printf("   row %d refused: %s %s%n", e.row(), e.field(),
                    e.reason()));

            heading("4. Scores explain themselves");
            explain(sales.service(LeadService.class).get(web.lead().id()));
            explain(sales.service(LeadService.class).get(phone.lead().id()));

            heading("5. Work queues");
            for (TeamMember rep : List.of(anja, ben, chloe)) {
                List<QueueEntry> queue = sales.service(LeadService.class).queue(rep.id(), 5);
                System.out.printf("   %s: %d open lead(s)%n", names.get(rep.id()), queue.size());
                queue.forEach(e -> System.out.printf("     priority %3d  score %3d  %-22s first contact due in %s%n",
                        e.priority(), e.lead().score().points(), e.lead().displayName(), e.timeToFirstContact()));
            }

            heading("6. Work a lead: contact, qualify, convert into a customer and a deal");
            clock.advance(Duration.ofHours(1));
            Lead greta = sales.service(LeadService.class).recordTouchPoint(web.lead().id(), LeadTouchPoint.of(Channel.PHONE,
                    Direction.OUTBOUND, clock.instant()).by(names.get(web.lead().ownerId()), "reached"));
            System.out.printf("   after the call: %s, score %d%n", greta.status(), greta.score().points());
            sales.service(LeadService.class).updateQualification(greta.id(), new Qualification(new BigDecimal("60000"), "EUR", true,
                    "Route planning for 40 trucks", LocalDate.parse("2027-01-31")));
            System.out.printf("   qualified: %s%n", sales.service(LeadService.class).qualify(greta.id()).status());
            Conversion won = sales.service(LeadService.class).convert(ConvertLead.of(greta.id(), MANAGER)
                    .withOpportunity("Spedition Nord: route planning", Money.of("54000", "EUR")));
            System.out.printf("   converted: new customer %s, deal opened, %d touch point(s) moved%n",
                    won.newCustomer(), won.touchPointsMoved());
            System.out.printf("   the customer's 360-degree view shows where it came from: %s%n",
                    sales.service(CustomerViewService.class).view(won.customerId()).origins().stream()
                            .map(o -> o.source() + " via " + o.campaignId()).toList());

            Lead jonas = sales.service(LeadService.class).recordTouchPoint(referral.lead().id(), LeadTouchPoint.of(Channel.EMAIL,
                    Direction.OUTBOUND, clock.instant()));
            sales.service(LeadService.class).updateQualification(jonas.id(), new Qualification(new BigDecimal("20000"), "EUR", false,
                    "CRM for the support team", null));
            sales.service(LeadService.class).qualify(jonas.id());
            Conversion lostDeal = sales.service(LeadService.class).convert(ConvertLead.of(jonas.id(), MANAGER)
                    .withOpportunity("Kontor: support CRM", Money.of("18000", "EUR")));
            System.out.printf("   referral converted into the existing customer: %s%n", !lostDeal.newCustomer());
            sales.service(LeadService.class).disqualify(phone.lead().id(), "Only needs a one-off quote");

            heading("7. Deals move through the pipeline, one is won, one lost");
            clock.advance(Duration.ofDays(10));
            sales.service(OpportunityService.class).moveToStage(won.opportunityId(), "proposal", MANAGER);
            clock.advance(Duration.ofDays(12));
            sales.service(OpportunityService.class).moveToStage(won.opportunityId(), "negotiation", MANAGER);
            clock.advance(Duration.ofDays(5));
            Opportunity closed = sales.service(OpportunityService.class).closeWon(won.opportunityId(), "Best route optimizer", MANAGER);
            sales.service(OpportunityService.class).closeLost(lostDeal.opportunityId(), "Chose a cheaper tool", MANAGER);
            System.out.printf("   won %s with %s%n", closed.name(), closed.amount());

            heading("8. Reports, computed by the database");
            ReportPeriod quarter = new ReportPeriod(START.minus(Duration.ofDays(1)), clock.instant().plusSeconds(1));
            sales.service(LeadService.class).funnel(START.minus(Duration.ofDays(1)), clock.instant()).forEach(f -> System.out.printf(
                    "   leads from %-17s %d, by state %s, conversion %.0f%%%n", f.source(), f.total(),
                    new TreeMap<>(f.byStatus()), f.conversionRate() * 100));
            var winRate = sales.service(OpportunityService.class).reports().winRate(quarter);
            System.out.printf("   win rate: %d won, %d lost%n", winRate.won(), winRate.lost());
            sales.service(OpportunityService.class).reports().averageDealSize(quarter).forEach(t -> System.out.printf(
                    "   won deals in %s: %d, average %s%n", t.currency(), t.count(), t.total()
                            .divide(BigDecimal.valueOf(t.count()), 2, java.math.RoundingMode.HALF_EVEN).toPlainString()));
            System.out.printf("   average sales cycle: %s days%n",
                    sales.service(OpportunityService.class).reports().salesCycle(quarter).averageDays());
            sales.service(OpportunityService.class).reports().leaderboard(quarter).forEach(r -> System.out.printf(
                    "   leaderboard: %-6s %d won, %s %s%n", names.getOrDefault(r.ownerId(), "-"), r.wonCount(),
                    r.wonAmount().stripTrailingZeros().toPlainString(), r.currency()));
            while (crm.relay().relayOnce().claimed() > 0) {
                // deliver the outbox until it is empty
            }
            System.out.printf("   events delivered: %s%n", delivered.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("lead.") || e.getKey().startsWith("opportunity."))
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        }
    }

    private static final String TRADE_SHOW_LIST = """
            Badge,First name,Last name,E-mail,Company,Industry,Country
            T-101,Mara,Keller,mara.keller@alpentrans.example,Alpentrans AG,logistics,CH
            T-102,Paul,Dubois,paul.dubois@logiciel.example,Logiciel Dubois,software,FR
            T-103,Ida,Novak,not-an-address,Novak d.o.o.,retail,SI
            T-104,Greta,Hoffmann,greta.hoffmann@spedition-nord.example,Spedition Nord GmbH,logistics,DE
            """;

    private static TeamMember rep(TenantCrm sales, String userId, String name, int seniority, Set<String> territories,
            Set<String> skills) {
        return sales.service(TeamService.class).add(MemberDetails.of(userId, name, TeamRole.SALES_REP).withSeniority(seniority)
                .withTerritories(territories).withSkills(skills).withCapacity(20));
    }

    /**
     * 60 closed leads of last quarter: software and logistics firms in the DACH region converted more often than
     * not, small retailers and free-mail addresses rarely, as real history is: mixed, not clear-cut.
     */
    private static void history(TenantCrm sales, ScenarioClock clock) {
        String[] industries = {"software", "logistics", "retail"};
        for (int i = 0; i < 60; i++) {
            String industry = industries[i % 3];
            boolean dach = i % 5 != 0;
            boolean freeMail = i % 7 == 0;
            boolean converted = industry.equals("retail") ? i % 4 == 0 : dach ? i % 3 != 2 || i % 2 == 0 : i % 4 == 1;
            CaptureLead capture = CaptureLead.from(i % 2 == 0 ? LeadSource.WEB_FORM : LeadSource.TRADE_SHOW)
                    .withPerson("Past", "Lead" + i)
                    .withEmail("past.lead" + i + (freeMail ? "@gmail.com" : "@firm" + i + ".example"))
                    .withCompany("Firm " + i, industry, industry.equals("retail") ? 8 : 60 + i * 5)
                    .withLocation(dach ? "DE" : "FR", null, null);
            Lead lead = sales.service(LeadService.class).capture(capture).lead();
            if (converted) {
                sales.service(LeadService.class).recordTouchPoint(lead.id(), LeadTouchPoint.of(Channel.PHONE, Direction.OUTBOUND,
                        clock.instant()));
                sales.service(LeadService.class).updateQualification(lead.id(), new Qualification(new BigDecimal("10000"), "EUR", true,
                        "Planning", null));
                sales.service(LeadService.class).qualify(lead.id());
                sales.service(LeadService.class).convert(ConvertLead.of(lead.id(), MANAGER));
            } else {
                sales.service(LeadService.class).disqualify(lead.id(), "No budget");
            }
            clock.advance(Duration.ofHours(6));
        }
    }

    private static void print(String what, CaptureResult result) {
        Lead lead = result.lead();
        System.out.printf("   %-15s -> %-7s %-20s score %3d%s%s%n", what, result.outcome(), lead.displayName(),
                lead.score().points(), lead.matchedCustomerId() != null ? ", linked to an existing customer" : "",
                lead.needsReview() ? ", flagged for review" : "");
    }

    private static void explain(Lead lead) {
        System.out.printf("   %s: %d = %s%n", lead.displayName(), lead.score().points(),
                String.join(", ", lead.score().explanation()));
    }

    private static HikariDataSource embeddedH2() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:sales;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static void heading(String title) {
        System.out.println();
        System.out.println(title);
    }
}
