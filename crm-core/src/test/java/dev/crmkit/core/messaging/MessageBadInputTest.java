package dev.crmkit.core.messaging;

import static dev.crmkit.core.messaging.MessagingFixtures.START;
import static dev.crmkit.core.messaging.MessagingFixtures.TENANT;
import static dev.crmkit.core.messaging.MessagingFixtures.orderConfirmation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.crmkit.core.touchpoint.Garbage;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageContent;
import dev.crmkit.model.message.MessageFilter;
import dev.crmkit.model.message.MessageOrigin;
import dev.crmkit.model.message.Recipient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MessageBadInputTest {
    /** Addresses good for some kinds and bad for others, and plain garbage. */
    private static final List<String> ADDRESSES = Arrays.asList(null, "", " ", "anna@example.com",
            "anna @example.com", "anna@@example.com", "+4930123456", "030 123456", "+0123", "fcm:token-1",
            "token with space", "Hauptstraße 1\n10115 Berlin", "one line", "a\n\nb", "x".repeat(1001),
            "a\nb\nc\nd\ne\nf\ng", "line\n" + "y".repeat(101), "nul\u0000@x.de");

    private final MessagingFixtures fixtures = new MessagingFixtures();
    private final MessageService messages = fixtures.messages();
    private final UUID anna = fixtures.person("Anna Schmidt").id();
    private final Message queued = messages.send(orderConfirmation(anna).withIdempotencyKey("k-1"));
    private final Message sent = sent();
    private final List<UUID> known = List.of(anna, queued.id(), sent.id());

    private Message sent() {
        Message m = messages.send(SendMessage.sms(anna, "+4915112345678", "Hi"));
        fixtures.dispatch();
        return messages.message(m.id());
    }

    /** Everything a messaging call could change, read back through storage. */
    private List<Object> state() {
        List<Object> state = new ArrayList<>();
        state.add(fixtures.storage.outbox().countUndelivered());
        state.add(fixtures.store().forCustomer(TENANT, anna, MessageFilter.everything(), PageRequest.first(1000))
                .items());
        for (UUID id : known) {
            state.add(fixtures.dispatchWork(id));
        }
        return state;
    }

    private void property(BiConsumer<Garbage, MessageService> call) {
        qt().withExamples(300).forAll(Garbage.PICKS).checkAssert(picks -> {
            Garbage g = Garbage.of(picks, known);
            Garbage.assertSafe(this::state, () -> call.accept(g, messages));
        });
    }

    private static String address(Garbage g, int position) {
        return ADDRESSES.get(Math.floorMod(g.number(position) + java.util.Objects.hashCode(g.text(position + 1)),
                ADDRESSES.size()));
    }

    @Test
    void sending_garbage_throws_only_crm_exceptions_and_changes_nothing() {
        property((g, s) -> s.send(new SendMessage(g.id(0), g.value(1, ChannelKind.class), g.text(2),
                new Recipient(address(g, 3), g.text(4)), new MessageContent(g.text(5), g.text(6)),
                g.text(7) == null ? null : MessageOrigin.of("campaign"), g.instant(8), g.text(9))));
        property((g, s) -> s.send(SendMessage.email(g.id(0), address(g, 1), g.text(3), g.text(4))));
        property((g, s) -> s.send(SendMessage.sms(g.id(0), address(g, 1), g.text(3))));
        property((g, s) -> s.send(SendMessage.push(g.id(0), address(g, 1), g.text(3), g.text(4))));
        property((g, s) -> s.send(SendMessage.callList(g.id(0), g.text(1), address(g, 2))));
        property((g, s) -> s.send(SendMessage.directMail(g.id(0), g.text(1), g.text(2), address(g, 3))
                .withIdempotencyKey(g.text(5)).notBefore(g.instant(6))));
        property((g, s) -> s.sendAll(Arrays.asList(orderConfirmation(anna).withIdempotencyKey(g.text(0)),
                SendMessage.sms(g.id(1), address(g, 2), g.text(4)))));
        property((g, s) -> s.send(null));
        property((g, s) -> s.sendAll(null));
        property((g, s) -> s.sendAll(Arrays.asList(orderConfirmation(anna), null)));
    }

    @Test
    void reading_reporting_and_cancelling_with_garbage_throws_only_crm_exceptions_and_changes_nothing() {
        property((g, s) -> s.message(g.id(0)));
        property((g, s) -> s.messagesOf(g.id(0), g.number(1) % 2 == 0 ? null : MessageFilter.everything(),
                g.page(2)));
        property((g, s) -> s.report(new DeliveryReport(g.id(0), g.value(1, ChannelKind.class), g.text(2),
                g.value(3, DeliveryOutcome.class), g.instant(4), g.text(5))));
        property((g, s) -> s.report(null));
        property((g, s) -> s.cancel(g.id(0)));
        property((g, s) -> s.cancelQueued(g.id(0), g.value(1, ChannelKind.class)));
        property((g, s) -> s.listEntries(g.value(0, ChannelKind.class), g.text(1), g.page(2)));
    }

    private static void assertField(Supplier<?> command, String field) {
        assertThatThrownBy(command::get).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).doesNotContain("example").doesNotContain("+49").doesNotContain("Berlin");
        });
    }

    @Test
    void each_kind_checks_its_address_and_content_naming_the_field_without_repeating_the_value() {
        assertField(() -> SendMessage.email(anna, "anna.example.com", "s", "b"), "recipient.address");
        assertField(() -> SendMessage.email(anna, "anna@example.com" + "x".repeat(250), "s", "b"),
                "recipient.address");
        assertField(() -> SendMessage.email(anna, null, "s", "b"), "recipient.address");
        assertField(() -> SendMessage.email(anna, "anna@example.com", " ", "b"), "content.subject");
        assertField(() -> SendMessage.email(anna, "anna@example.com", "s", null), "content.body");
        assertField(() -> SendMessage.email(anna, "anna@example.com", "s", "b").withRecipientName("x".repeat(201)),
                "recipient.name");
        assertField(() -> SendMessage.sms(anna, "+49 30 123456", "Hi"), "recipient.address");
        assertField(() -> SendMessage.sms(anna, "+4930123456", "x".repeat(1601)), "content.body");
        assertField(() -> SendMessage.sms(anna, "+4930123456", "Hi").withContent("Subject", "Hi"),
                "content.subject");
        assertField(() -> SendMessage.push(anna, "token with spaces", null, "b"), "recipient.address");
        assertField(() -> SendMessage.push(anna, "t", "x".repeat(201), "b"), "content.subject");
        assertField(() -> SendMessage.push(anna, "t", null, "x".repeat(2001)), "content.body");
        assertField(() -> SendMessage.push(anna, "t", null, " "), "content.body");
        assertField(() -> SendMessage.callList(anna, null, "+4930123456"), "listName");
        assertField(() -> SendMessage.callList(anna, "spring calls", "+4930123456"), "listName");
        assertField(() -> SendMessage.callList(anna, "calls", "030 123456"), "recipient.address");
        assertField(() -> SendMessage.directMail(anna, "letters", null, "Hauptstraße 1\n10115 Berlin"),
                "recipient.name");
        assertField(() -> SendMessage.directMail(anna, "letters", "Anna", "Hauptstraße 1, 10115 Berlin"),
                "recipient.address");
        assertField(() -> SendMessage.directMail(anna, "letters", "Anna", "Hauptstraße 1\n \n10115 Berlin"),
                "recipient.address");
        assertField(() -> SendMessage.directMail(anna, "letters", "Anna", "a\nb\nc\nd\ne\nf\ng"),
                "recipient.address");
        assertField(() -> new SendMessage(anna, ChannelKind.EMAIL, "list", new Recipient("anna@example.com", null),
                new MessageContent("s", "b"), null, null, null), "listName");
        assertField(() -> orderConfirmation(anna).withIdempotencyKey(" "), "idempotencyKey");
        assertField(() -> orderConfirmation(anna).from("Campaign", null), "origin.code");
        assertField(() -> orderConfirmation(anna).notBefore(java.time.Instant.MAX), "notBefore");
        assertField(() -> new SendMessage(null, ChannelKind.EMAIL, null, null, null, null, null, null), "customerId");
        assertField(() -> new SendMessage(anna, null, null, null, null, null, null, null), "kind");
        assertField(() -> new SendMessage(anna, ChannelKind.EMAIL, null, null, null, null, null, null), "recipient");
        assertField(() -> new SendMessage(anna, ChannelKind.EMAIL, null, new Recipient("a@b", null), null, null, null,
                null), "content");
    }

    @Test
    void the_good_shapes_of_every_kind_are_accepted() {
        assertThat(SendMessage.email(anna, "zoë+news@bücher.example", "Grüße", "Hallo").kind())
                .isEqualTo(ChannelKind.EMAIL);
        assertThat(SendMessage.sms(anna, "+4915112345678", "x".repeat(1600)).content().body()).hasSize(1600);
        assertThat(SendMessage.push(anna, "x".repeat(1000), "x".repeat(200), "x".repeat(2000)).kind())
                .isEqualTo(ChannelKind.PUSH);
        assertThat(SendMessage.callList(anna, "A.b_c-1", "+4930123456").listName()).isEqualTo("A.b_c-1");
        assertThat(SendMessage.directMail(anna, "l", "Anna", "a\nb\nc\nd\ne\n" + "f".repeat(100)).kind())
                .isEqualTo(ChannelKind.DIRECT_MAIL);
        assertThat(orderConfirmation(anna).notBefore(START.plusNanos(1_001)).notBefore())
                .isEqualTo(START.plusNanos(1_000));
    }

    @Test
    void reports_check_their_parts() {
        UUID id = queued.id();
        assertField(() -> new DeliveryReport(null, null, null, DeliveryOutcome.DELIVERED, START, null), "messageId");
        assertField(() -> new DeliveryReport(id, ChannelKind.EMAIL, "ref", DeliveryOutcome.DELIVERED, START, null),
                "messageId");
        assertField(() -> new DeliveryReport(null, null, "ref", DeliveryOutcome.DELIVERED, START, null), "kind");
        assertField(() -> new DeliveryReport(id, ChannelKind.EMAIL, null, DeliveryOutcome.DELIVERED, START, null),
                "kind");
        assertField(() -> DeliveryReport.byProviderReference(ChannelKind.EMAIL, " ", DeliveryOutcome.DELIVERED,
                START), "providerReference");
        assertField(() -> DeliveryReport.of(id, null, START), "outcome");
        assertField(() -> DeliveryReport.of(id, DeliveryOutcome.BOUNCED, null), "occurredAt");
        assertField(() -> DeliveryReport.of(id, DeliveryOutcome.BOUNCED, START).withReason("Mailbox full"), "reason");
        assertField(() -> DeliveryReport.of(null, DeliveryOutcome.BOUNCED, START), "messageId");
        assertThat(DeliveryReport.of(id, DeliveryOutcome.BOUNCED, START).withReason("mailbox-full").reason())
                .isEqualTo("mailbox-full");
    }

    @Test
    void policies_and_limits_check_their_parts() {
        Duration minute = Duration.ofMinutes(1);
        assertField(() -> new DispatchPolicy(0, minute, minute, minute), "maxAttempts");
        assertField(() -> new DispatchPolicy(101, minute, minute, minute), "maxAttempts");
        assertField(() -> new DispatchPolicy(3, Duration.ZERO, minute, minute), "firstRetry");
        assertField(() -> new DispatchPolicy(3, minute, null, minute), "maxRetry");
        assertField(() -> new DispatchPolicy(3, minute, minute, minute.negated()), "sendTimeout");
        assertField(() -> new DispatchPolicy(3, minute, Duration.ofSeconds(59), minute), "maxRetry");
        assertField(() -> new RateLimit(0, minute, 1), "permits");
        assertField(() -> new RateLimit(1, null, 1), "per");
        assertField(() -> new RateLimit(1, Duration.ZERO, 1), "per");
        assertField(() -> new RateLimit(1, Duration.ofDays(2), 1), "per");
        assertField(() -> new RateLimit(1_000_001, Duration.ofSeconds(1), 1), "permits");
        assertField(() -> new RateLimit(1, minute, 0), "burst");
        assertField(() -> RateLimit.of(10, minute).withBurst(10_001), "burst");
        assertField(() -> MessagingModule.builder().rateLimit(null, RateLimit.of(1, minute)), "kind");
        assertField(() -> MessagingModule.builder().rateLimit(ChannelKind.SMS, null), "rateLimit");
        assertField(() -> MessagingModule.builder().channel(null), "channel");
        assertField(() -> MessagingModule.builder().dispatchPolicy(null), "dispatchPolicy");
        assertField(() -> MessagingModule.builder().channel(fixtures.channel).channel(fixtures.channel).build(),
                "channels");
        assertThat(Set.of(RateLimit.of(20_000, Duration.ofSeconds(1)).burst())).containsExactly(10_000);
    }
}
