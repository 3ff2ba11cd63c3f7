package dev.crmkit.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.customer.Customer;
import dev.crmkit.core.customer.CustomerModule;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.DuplicateGroup;
import dev.crmkit.core.customer.DuplicatePolicy;
import dev.crmkit.core.customer.ImportReport;
import dev.crmkit.core.customer.RegisterCustomer;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.customer.RegistrationResult;
import dev.crmkit.core.customfield.CustomFieldService;
import dev.crmkit.core.customfield.DefineCustomField;
import dev.crmkit.core.interchange.MessageListCsv;
import dev.crmkit.core.messaging.DeliveryOutcome;
import dev.crmkit.core.messaging.DeliveryReport;
import dev.crmkit.core.messaging.Message;
import dev.crmkit.core.messaging.MessageService;
import dev.crmkit.core.messaging.MessagingModule;
import dev.crmkit.core.messaging.SendMessage;
import dev.crmkit.core.port.LoggingMessageChannel;
import dev.crmkit.core.touchpoint.FollowUp;
import dev.crmkit.core.touchpoint.RecordInteraction;
import dev.crmkit.core.touchpoint.ScheduleFollowUp;
import dev.crmkit.core.touchpoint.TouchPointService;
import dev.crmkit.core.view.CustomerView;
import dev.crmkit.core.view.CustomerViewService;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.PostalAddress;
import dev.crmkit.model.customfield.CustomFieldType;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A fashion retailer's first day with CRMKit, on embedded H2: customers arrive in bulk from the old shop system,
 * shoppers get in touch on several channels, a duplicate is found and merged, a follow-up falls due, the
 * 360-degree view of a customer is printed, and the exchange confirmation goes out by e-mail and SMS through the
 * logging channel while the store's call list for Saturday is written as CSV.
 *
 * <pre>mvn -q -pl examples -am compile exec:java</pre>
 */
public final class RetailerScenario {
    private static final String TENANT = "modehaus";

    private RetailerScenario() {
    }

    public static void main(String[] args) {
        ScenarioClock clock = new ScenarioClock(Instant.parse("2026-11-23T08:00:00Z"));
        Map<String, Integer> delivered = new TreeMap<>();
        try (HikariDataSource h2 = embeddedH2();
                Crm crm = Crm.builder()
                        .storage(JdbcStorage.builder().dataSource(h2).migrate(true).build())
                        .clock(clock)
                        .defaultPhoneRegion("DE")
                        .module(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.WARN).build())
                        // a real shop registers its mail and SMS providers' channels here
                        .module(MessagingModule.builder().channel(LoggingMessageChannel.forProviderKinds()).build())
                        .nodeId("example-node")
                        .listener(event -> delivered.merge(event.type(), 1, Integer::sum))
                        .build()) {
            TenantCrm shop = crm.tenant(TENANT);
            shop.service(CustomFieldService.class).define(DefineCustomField.optional("loyalty_number", "Loyalty card", CustomFieldType.TEXT));

            heading("1. Bulk import from the old shop system");
            ImportReport report = shop.service(CustomerService.class).importCustomers(legacyCustomers(), soFar ->
                    System.out.printf("   ... %,d rows read, %,d imported%n", soFar.rowsRead(), soFar.imported()));
            System.out.printf("   imported %,d of %,d rows; %d duplicates skipped; %d rows rejected%n",
                    report.imported(), report.rowsRead(), report.duplicates(), report.errors().size());
            report.errors().stream().limit(3).forEach(e ->
                    System.out.printf("   row %d rejected: %s %s%n", e.row(), e.field(), e.reason()));

            heading("2. Walk-in shopper registers at the till");
            Customer anna = shop.service(CustomerService.class).register(RegisterPerson.named("Anna", "Schmidt")
                    .withEmail("  Anna.Schmidt@Example.COM ")
                    .withPhone("030 1234567")
                    .withContactPoint(dev.crmkit.core.customer.NewContactPoint.postal(
                            new PostalAddress("Friedrichstr. 12", "Berlin", null, "10117", "DE")))
                    .withTag("store-berlin")
                    .withCustomField("loyalty_number", new CustomFieldValue.Text("LC-0042"))).customer();
            anna.contactPoints().stream().filter(c -> c.address() == null)
                    .forEach(c -> System.out.printf("   %-6s stored as %s%n", c.kind(), c.value()));

            heading("3. Touch points across channels");
            record(shop, anna.id(), Channel.STORE_VISIT, Direction.INBOUND, Purpose.SALES, "order-placed", "Bought a winter coat", 0);
            record(shop, anna.id(), Channel.EMAIL, Direction.OUTBOUND, Purpose.MARKETING, "sent", "Winter sale newsletter", 1);
            record(shop, anna.id(), Channel.PHONE, Direction.INBOUND, Purpose.SERVICE, "reached", "Asked to exchange the coat size", 2);
            record(shop, anna.id(), Channel.CHAT, Direction.INBOUND, Purpose.SERVICE, "resolved", "Exchange booked for Saturday", 3);
            System.out.printf("   outbound marketing contacts in the last 30 days: %d%n",
                    shop.service(TouchPointService.class).outboundMarketingContacts(anna.id(), 30));

            heading("4. The same shopper signs up online, typing her name differently");
            RegistrationResult online = shop.service(CustomerService.class).register(RegisterPerson.named("Anna", "Schmitt")
                    .withPhone("+49 30 1234567")
                    .withContactPoint(dev.crmkit.core.customer.NewContactPoint.postal(
                            new PostalAddress("Friedrichstrasse 12", "Berlin", null, "10117", "DE"))));
            online.duplicates().forEach(d -> System.out.printf("   possible duplicate: score %.2f because %s%n",
                    d.score(), d.reasons()));
            record(shop, online.customer().id(), Channel.WEB, Direction.INBOUND, Purpose.SALES, "cart-abandoned",
                    "Left two scarves in the cart", 4);

            heading("5. The nightly duplicate job finds groups and a clerk merges them");
            shop.service(CustomerService.class).runDuplicateJob(progress -> true);
            for (DuplicateGroup group : shop.service(CustomerService.class)
                    .duplicateGroups(PageRequest.first(100)).items()) {
                if (group.customerIds().contains(anna.id())) {
                    System.out.printf("   group of %d customers, reasons %s%n", group.customerIds().size(), group.reasons());
                    group.customerIds().stream().filter(id -> !id.equals(anna.id())).forEach(other ->
                            shop.service(CustomerService.class).merge(anna.id(), other, Actor.user("clerk-7")));
                }
            }
            System.out.printf("   the online sign-up's id now resolves to: %s%n",
                    shop.service(CustomerService.class).get(online.customer().id()).id().equals(anna.id()) ? "Anna's record" : "another record");

            heading("6. A follow-up falls due");
            FollowUp callBack = shop.service(TouchPointService.class).schedule(ScheduleFollowUp.of(anna.id(),
                    "Call back about the exchange", clock.instant().plus(Duration.ofDays(1))));
            System.out.printf("   scheduled '%s' due %s%n", callBack.title(), callBack.dueAt());
            clock.advance(Duration.ofHours(25));
            System.out.printf("   a day later the scheduler runs: %s%n", crm.scheduler().runDueWork());
            while (crm.relay().relayOnce().claimed() > 0) {
                // deliver the outbox until it is empty
            }
            System.out.printf("   events delivered to the listener: %s%n", delivered);

            heading("7. Anna's 360-degree view");
            print(shop.service(CustomerViewService.class).view(anna.id()));

            heading("8. The exchange is confirmed by e-mail and SMS, and Anna goes on Saturday's call list");
            sendConfirmations(crm, shop, anna.id());
        }
    }

    private static void sendConfirmations(Crm crm, TenantCrm shop, UUID anna) {
        MessageService messages = shop.service(MessageService.class);
        Message mail = messages.send(SendMessage.email(anna, "anna.schmidt@example.com", "Your exchange on Saturday",
                "Dear Anna, your coat in size 38 is waiting for you.").from("exchange", null)
                .withIdempotencyKey("exchange-anna-mail"));
        Message sms = messages.send(SendMessage.sms(anna, "+49301234567", "Your coat is ready on Saturday.")
                .withIdempotencyKey("exchange-anna-sms"));
        messages.send(SendMessage.callList(anna, "saturday-calls", "+49301234567").withRecipientName("Anna Schmidt")
                .withContent("Exchange", "Confirm the size before she comes in"));
        System.out.printf("   queued: e-mail %s, SMS %s, call-list entry%n", mail.status(), sms.status());
        crm.scheduler().runDueWork();
        messages.report(DeliveryReport.of(mail.id(), DeliveryOutcome.DELIVERED, Instant.parse("2026-11-24T09:00:01Z")));
        System.out.printf("   after the scheduler ran: e-mail %s, SMS %s%n", messages.message(mail.id()).status(),
                messages.message(sms.id()).status());
        java.io.StringWriter csv = new java.io.StringWriter();
        int rows = MessageListCsv.write(messages, ChannelKind.CALL_LIST, "saturday-calls", csv);
        System.out.printf("   call list written as CSV: %d row(s) under the header %s%n", rows,
                csv.toString().lines().findFirst().orElse(""));
    }

    private static HikariDataSource embeddedH2() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:retailer;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /** 2,000 customers from the old system, with the mistakes old systems have: a broken e-mail, a repeated row. */
    private static Stream<RegisterCustomer> legacyCustomers() {
        return IntStream.rangeClosed(1, 2_000).mapToObj(i -> {
            RegisterPerson p = RegisterPerson.named("Kundin", "Nummer" + i).withExternalRef("legacy-" + (i == 1_200 ? 1_199 : i));
            return i % 500 == 0 ? p.withEmail("not-an-e-mail-" + i) : p.withEmail("kunde" + i + "@example.de").withTag("legacy");
        });
    }

    private static void record(TenantCrm shop, UUID customer, Channel channel, Direction direction, Purpose purpose,
            String outcome, String summary, int hoursAgo) {
        Instant at = Instant.parse("2026-11-23T08:00:00Z").minus(Duration.ofHours(48L - hoursAgo));
        shop.service(TouchPointService.class).record(new RecordInteraction(customer, channel, direction, purpose, outcome, "agent-3",
                summary, at, null));
    }

    private static void print(CustomerView view) {
        CustomerView.Profile p = view.profile();
        System.out.printf("   %s (%s, %s), tags %s, fields %s%n", p.displayName(), p.kind(), p.lifecycleStage(),
                p.tags(), p.customFields().keySet());
        view.contactPoints().forEach(c -> System.out.printf("   contact  %-6s %s%s%n", c.kind(),
                c.address() == null ? c.value() : c.address().street() + ", " + c.address().postalCode() + " "
                        + c.address().city() + ", " + c.address().countryCode(),
                c.primary() ? " (primary)" : ""));
        view.openFollowUps().forEach(f -> System.out.printf("   open     %s, due %s%n", f.title(), f.dueAt()));
        view.channels().forEach(c -> System.out.printf("   channel  %-12s %d contact(s), last %s%n", c.channel(),
                c.contacts(), c.lastContactAt()));
        view.timeline().items().forEach(i -> System.out.printf("   timeline %s %-11s %-8s %s%n", i.occurredAt(),
                i.channel(), i.direction(), i.summary()));
    }

    private static void heading(String title) {
        System.out.println();
        System.out.println(title);
    }
}
