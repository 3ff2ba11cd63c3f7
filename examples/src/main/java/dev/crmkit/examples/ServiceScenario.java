package dev.crmkit.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.scheduling.DueWorkScheduler;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.core.team.WorkingHours;
import dev.crmkit.core.ticket.Article;
import dev.crmkit.core.ticket.BusinessCalendar;
import dev.crmkit.core.ticket.BusinessHours;
import dev.crmkit.core.ticket.EscalationPolicy;
import dev.crmkit.core.ticket.EscalationSettings;
import dev.crmkit.core.ticket.EscalationStep;
import dev.crmkit.core.ticket.KnowledgeBase;
import dev.crmkit.core.ticket.Milestone;
import dev.crmkit.core.ticket.OpenTicket;
import dev.crmkit.core.ticket.PriorityRules;
import dev.crmkit.core.ticket.RoutingOutcome;
import dev.crmkit.core.ticket.RoutingRequirement;
import dev.crmkit.core.ticket.RoutingRules;
import dev.crmkit.core.ticket.RoutingSettings;
import dev.crmkit.core.ticket.SatisfactionSurveys;
import dev.crmkit.core.ticket.ServiceReports;
import dev.crmkit.core.ticket.SlaPolicy;
import dev.crmkit.core.ticket.Ticket;
import dev.crmkit.core.ticket.TicketModule;
import dev.crmkit.core.ticket.TicketRouting;
import dev.crmkit.core.ticket.TicketRoutingModule;
import dev.crmkit.core.ticket.TicketService;
import dev.crmkit.core.ticket.TicketSettings;
import dev.crmkit.core.ticket.TicketThread;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.model.ticket.ArticleContent;
import dev.crmkit.model.ticket.BacklogCell;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.MilestoneTimes;
import dev.crmkit.model.ticket.ProductReturn;
import dev.crmkit.model.ticket.SatisfactionSummary;
import dev.crmkit.model.ticket.SlaTarget;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A kettle maker's service desk on CRMKit, on embedded H2, over a Monday and a Tuesday in March 2026 (Berlin time):
 * a first line of two agents and a second line of one, each with skills, languages and working hours; office hours
 * as the business calendar, an SLA policy and an escalation policy; routing rules by kind and by the customer's
 * language. Tickets come in by e-mail, phone, chat and web form and are routed; the phone ticket's first response is
 * late, and at its breach the scheduler's due work escalates it; agents answer, a customer replies to the e-mail
 * thread, tickets are resolved and surveyed; a ticket that comes in after hours waits for the next morning's routing.
 * Then the service reports: milestone times with their SLA attainment, the backlog, satisfaction by agent and the
 * knowledge base's deflection.
 *
 * <pre>mvn -q -pl examples -am compile exec:java</pre>
 */
public final class ServiceScenario {
    private static final String TENANT = "brewline";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 2 March 2026, 09:00 in Berlin. */
    private static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, BERLIN);
    private static final Set<String> ESCALATION_EVENTS = Set.of("ticket.milestone-breached", "ticket.escalated",
            "ticket.escalation-notified", "ticket.priority-changed");

    /** The bands of {@link ServiceReports#DEFAULT_AGE_BOUNDS}, in words. */
    private static final List<String> AGE_BANDS = List.of("younger than a day", "1 to 3 days old", "3 to 7 days old",
            "7 to 30 days old", "older than 30 days");

    private ServiceScenario() {
    }

    public static void main(String[] args) {
        ScenarioClock clock = new ScenarioClock(MONDAY.toInstant());
        List<PublishedEvent> escalations = new ArrayList<>();
        EscalationSettings escalation = EscalationSettings.none().withPolicy(EscalationPolicy.of(List.of(
                EscalationStep.atBreach(MilestoneKind.FIRST_RESPONSE, "notify", "raise-priority"))));
        TicketSettings ticketSettings = TicketSettings.defaults().withPriorityRules(List.of(
                PriorityRules.byChannel(Map.of(TicketChannel.PHONE, TicketPriority.HIGH))));
        Map<TicketKind, UUID> queues = new EnumMap<>(TicketKind.class);     // the host's queue per kind: a team
        RoutingSettings routingSettings = RoutingSettings.defaults().withRules(List.of(
                RoutingRules.skillsByKind(Map.of(TicketKind.PRODUCT_RETURN, Set.of("returns"),
                        TicketKind.INCIDENT, Set.of("electrics"))),
                (tenantId, ticket) -> queues.containsKey(ticket.kind())
                        ? RoutingRequirement.none().inTeam(queues.get(ticket.kind())) : RoutingRequirement.none(),
                RoutingRules.languageFromField("language")));
        try (HikariDataSource h2 = embeddedH2();
                Crm crm = Crm.builder()
                        .storage(JdbcStorage.builder().dataSource(h2).migrate(true).build())
                        .module(new TicketModule(ticketSettings, escalation))
                        .module(new TicketRoutingModule(routingSettings))
                        .listener(event -> {
                            if (ESCALATION_EVENTS.contains(event.type())) {
                                escalations.add(event);
                            }
                        })
                        .clock(clock).defaultPhoneRegion("DE").nodeId("example-node").build()) {
            TenantCrm desk = crm.tenant(TENANT);
            TicketService tickets = desk.service(TicketService.class);
            TicketRouting routing = desk.service(TicketRouting.class);
            TeamService team = desk.service(TeamService.class);
            KnowledgeBase kb = desk.service(KnowledgeBase.class);
            CustomerService customers = desk.service(CustomerService.class);

            heading("1. The desk: agents, office hours, service levels, escalation and routing rules");
            UUID first = team.createTeam("First line", null).id();
            UUID second = team.createTeam("Second line", null).id();
            for (TicketKind kind : TicketKind.values()) {             // incidents to the second line, the rest first
                queues.put(kind, kind == TicketKind.INCIDENT ? second : first);
            }
            Map<UUID, String> names = new HashMap<>();
            WorkingHours office = WorkingHours.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0));
            UUID lena = agent(team, names, "Lena", first, Set.of("returns"), Set.of("de", "en"), office);
            UUID tom = agent(team, names, "Tom", first, Set.of(), Set.of("en"), office);
            UUID mia = agent(team, names, "Mia", second, Set.of("electrics"), Set.of("de", "en"), office);
            System.out.println("   first line: Lena (returns; de, en), Tom (en); second line: Mia (electrics; de, en);"
                    + " all Mon-Fri 09:00-17:00 Berlin");
            tickets.saveCalendar(null, BusinessCalendar.weekdays(BERLIN, BusinessHours.of("09:00", "17:00")), 0);
            tickets.saveSlaPolicy(SlaPolicy.of(List.of(
                    SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofHours(2)),
                    SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofHours(1)).forPriority(TicketPriority.HIGH),
                    SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofMinutes(30))
                            .forPriority(TicketPriority.URGENT),
                    SlaTarget.of(MilestoneKind.NEXT_RESPONSE, Duration.ofHours(4)),
                    SlaTarget.of(MilestoneKind.RESOLUTION, Duration.ofHours(8)))), 0);
            System.out.println("   SLA in business hours: first response 2h (HIGH 1h, URGENT 30m), next response 4h,"
                    + " resolution 8h; phone tickets are HIGH; a late first response notifies and raises priority");
            Article descaling = kb.publish(kb.draft(new ArticleContent("Descaling the kettle",
                    "Boil half a litre of water with two spoons of citric acid, let it stand, rinse twice.",
                    List.of("descaling"), "en")).id());

            heading("2. Monday morning: readers of the knowledge base, and tickets from four channels, routed");
            UUID karl = person(customers, "Karl", "Weber");
            UUID jonas = person(customers, "Jonas", "Becker");
            kb.recordView(descaling.id(), karl, null);
            kb.recordView(descaling.id(), null, "web-session-17");
            kb.recordView(descaling.id(), jonas, null);
            Ticket dented = open(tickets, person(customers, "Anna", "Schmidt"), TicketKind.PRODUCT_RETURN,
                    TicketChannel.EMAIL, "Kettle arrived dented", "de", "mail-4711");
            Map<UUID, String> labels = new HashMap<>();
            labels.put(dented.id(), "e-mail return ");
            route(routing, names, labels, dented);
            clock.advance(Duration.ofMinutes(5));
            Ticket fuse = open(tickets, person(customers, "Oliver", "Brown"), TicketKind.INCIDENT,
                    TicketChannel.PHONE, "Kettle trips the fuse", "en", "call-0815");
            labels.put(fuse.id(), "phone incident");
            route(routing, names, labels, fuse);
            clock.advance(Duration.ofMinutes(5));
            Ticket size = open(tickets, person(customers, "Emma", "Jones"), TicketKind.INFORMATION_REQUEST,
                    TicketChannel.CHAT, "Does the lid fit the 1.7 l model", "en", "chat-2201");
            labels.put(size.id(), "chat question ");
            route(routing, names, labels, size);
            clock.advance(Duration.ofMinutes(5));
            Ticket scale = open(tickets, jonas, TicketKind.SERVICE_REQUEST, TicketChannel.WEB_FORM,
                    "Limescale after descaling", "de", "form-3310");
            labels.put(scale.id(), "web form      ");
            route(routing, names, labels, scale);

            heading("3. First responses; the phone ticket's is late, and the scheduler escalates it at the breach");
            at(clock, 0, "09:30");
            tickets.respond(dented.id(), lena);
            tickets.waitOnCustomer(dented.id());                 // Lena asks Anna for a photo of the dent
            at(clock, 0, "09:50");
            tickets.respond(size.id(), tom);
            at(clock, 0, "10:00");
            tickets.resolve(size.id());
            at(clock, 0, "10:10");                              // the phone ticket's first response was due at 10:05
            DueWorkScheduler.Run run = crm.scheduler().runDueWork();
            while (crm.relay().relayOnce().claimed() > 0) {
                // deliver what the due work recorded
            }
            System.out.printf("   10:10 the scheduler ran %d piece(s) of due work%n", run.completed());
            for (PublishedEvent event : escalations) {
                System.out.printf("   %s %s%n", labels.get(UUID.fromString(event.aggregateId())).strip(),
                        event.type());
            }
            Milestone late = milestone(tickets, fuse.id(), MilestoneKind.FIRST_RESPONSE);
            System.out.printf("   phone incident now %s, first response breached %s (target %s)%n",
                    tickets.ticket(fuse.id()).priority(), late.breached(), late.target());
            at(clock, 0, "10:20");
            tickets.respond(fuse.id(), mia);
            at(clock, 0, "10:45");
            tickets.respond(scale.id(), lena);

            heading("4. Anna replies to the e-mail thread; answered and resolved");
            at(clock, 0, "11:00");
            String subject = "Re: [" + TicketThread.reference(dented.id()) + "] Kettle arrived dented";
            Ticket replied = tickets.replyReceived(subject, "<reply-1@mail.example>");
            System.out.printf("   the reply reached the e-mail return: %s%n", replied.state());
            at(clock, 0, "11:30");
            tickets.respond(dented.id(), lena);
            at(clock, 0, "12:00");
            tickets.resolve(dented.id());
            at(clock, 0, "15:00");
            tickets.resolve(fuse.id());
            at(clock, 0, "16:30");
            tickets.resolve(scale.id());
            for (Ticket t : List.of(dented, fuse, size, scale)) {
                Ticket now = tickets.ticket(t.id());
                System.out.printf("   %s %s, %s, %s%n", labels.get(t.id()), now.state(), now.priority(),
                        names.get(now.assigneeId()));
            }

            heading("5. After hours a mail comes in: nobody is working, so it waits until Tuesday morning");
            at(clock, 0, "17:30");
            Ticket hinge = open(tickets, person(customers, "Grace", "Miller"), TicketKind.SERVICE_REQUEST,
                    TicketChannel.EMAIL, "The lid hinge squeaks", "en", "mail-4712");
            labels.put(hinge.id(), "evening e-mail");
            route(routing, names, labels, hinge);
            at(clock, 1, "09:00");
            int routed = routing.routeWaiting(100);
            System.out.printf("   Tuesday 09:00 routeWaiting routed %d: evening e-mail to %s%n", routed,
                    names.get(tickets.ticket(hinge.id()).assigneeId()));
            at(clock, 1, "09:45");
            tickets.respond(hinge.id(), tom);
            tickets.waitOnCustomer(hinge.id());                  // Tom asks Grace which model she has

            heading("6. The customers answer the survey");
            SatisfactionSurveys surveys = desk.service(SatisfactionSurveys.class);
            surveys.answer(dented.id(), 5, "The new kettle came the next day.");
            surveys.answer(fuse.id(), 3, null);
            surveys.answer(size.id(), 4, null);
            surveys.answer(scale.id(), 4, null);
            System.out.println("   e-mail return 5, phone incident 3, chat question 4, web form 4");

            heading("7. The service reports, Tuesday 17:00, for Monday and Tuesday");
            at(clock, 1, "17:00");
            ServiceReports reports = desk.service(ServiceReports.class);
            Instant from = MONDAY.toLocalDate().atStartOfDay(BERLIN).toInstant();
            Instant to = from.plus(Duration.ofDays(2));
            for (MilestoneTimes t : reports.milestoneTimes(from, to)) {
                System.out.printf("   %-14s %d completed, median %s, p90 %s, attainment %s%%%n", t.kind(),
                        t.completed(), t.median(), t.percentile90(), t.attainmentPercent());
            }
            for (BacklogCell cell : reports.backlog()) {
                System.out.printf("   backlog: %d %s ticket(s) %s%n", cell.tickets(), cell.priority(),
                        AGE_BANDS.get(cell.ageBand()));
            }
            for (SatisfactionSummary s : reports.satisfactionByAgent(from, to)) {
                System.out.printf("   satisfaction of %s: %d response(s), average %s, satisfied %s%%%n",
                        names.get(s.groupId()), s.responses(), s.averageScore(), s.satisfiedPercent());
            }
            System.out.printf("   deflection: %s%% of knowledge-base views spared a ticket%n",
                    reports.deflectionPercent(from, to).map(Object::toString).orElse("none"));
        }
    }

    private static UUID agent(TeamService team, Map<UUID, String> names, String name, UUID teamId, Set<String> skills,
            Set<String> languages, WorkingHours hours) {
        UUID id = team.add(MemberDetails.of(name.toLowerCase(), name, TeamRole.SERVICE_AGENT).withTeam(teamId)
                .withSkills(skills).withLanguages(languages).withCapacity(3)).id();
        team.setWorkingHours(id, hours, 0);
        names.put(id, name);
        return id;
    }

    private static UUID person(CustomerService customers, String first, String last) {
        return customers.register(RegisterPerson.named(first, last)).customer().id();
    }

    private static Ticket open(TicketService tickets, UUID customer, TicketKind kind, TicketChannel channel,
            String subject, String language, String key) {
        OpenTicket command = kind == TicketKind.PRODUCT_RETURN
                ? OpenTicket.productReturn(customer, channel, subject, new ProductReturn("RMA-" + key, "sku-kettle-17",
                        "order-" + key))
                : OpenTicket.of(customer, kind, channel, subject);
        return tickets.open(command
                .withCustomFields(Map.of("language", new CustomFieldValue.Text(language))), key);
    }

    private static void route(TicketRouting routing, Map<UUID, String> names, Map<UUID, String> labels,
            Ticket ticket) {
        RoutingOutcome outcome = routing.route(ticket.id());
        System.out.printf("   %s %-6s %s -> %s%n", labels.get(ticket.id()), outcome.ticket().priority(),
                outcome.ticket().kind(), outcome.routed() ? names.get(outcome.agentId()) : "waits in the queue");
    }

    private static Milestone milestone(TicketService tickets, UUID ticketId, MilestoneKind kind) {
        return tickets.milestones(ticketId).stream().filter(m -> m.kind() == kind).findFirst().orElseThrow();
    }

    /** Moves the clock to a local time in Berlin, {@code days} after the Monday. */
    private static void at(ScenarioClock clock, int days, String localTime) {
        clock.set(MONDAY.plusDays(days).with(LocalTime.parse(localTime)).toInstant());
    }

    private static void heading(String text) {
        System.out.println();
        System.out.println(text);
    }

    private static HikariDataSource embeddedH2() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:service-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new HikariDataSource(config);
    }
}
