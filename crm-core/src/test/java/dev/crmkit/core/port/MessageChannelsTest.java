package dev.crmkit.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageContent;
import dev.crmkit.model.message.Recipient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The recording and logging channels that ship with the core, and the outcomes a channel answers with. */
class MessageChannelsTest {
    private static final UUID ID = UUID.fromString("018f0000-0000-7000-8000-0000000000a1");

    private static OutgoingMessage message(int attempt) {
        return new OutgoingMessage(ID, "acme", UUID.randomUUID(), ChannelKind.EMAIL, null,
                new Recipient("anna.schmidt@example.com", "Anna Schmidt"), new MessageContent("Subject-Zebra",
                        "Body-Giraffe"), null, attempt);
    }

    @Test
    void the_recording_channel_keeps_every_call_and_each_accepted_message_once() {
        RecordingMessageChannel channel = RecordingMessageChannel.forKinds(ChannelKind.EMAIL, ChannelKind.SMS);
        channel.answerNext(SendOutcome.failedTemporarily("timeout"));

        SendOutcome first = channel.send(message(1));
        SendOutcome second = channel.send(message(2));
        SendOutcome third = channel.send(message(3));

        assertThat(channel.kinds()).containsExactlyInAnyOrder(ChannelKind.EMAIL, ChannelKind.SMS);
        assertThat(first).isEqualTo(new SendOutcome.Failed("timeout", true, null));
        assertThat(second).isEqualTo(SendOutcome.accepted("rec-" + ID)).isEqualTo(third);
        assertThat(channel.handedOver()).extracting(OutgoingMessage::attempt).containsExactly(1, 2, 3);
        assertThat(channel.calls(ID)).isEqualTo(3);
        assertThat(channel.calls(UUID.randomUUID())).isZero();
        assertThat(channel.sent()).containsExactly(ID);

        channel.answering(m -> SendOutcome.rejected("blocked"));
        assertThat(channel.send(message(4))).isEqualTo(SendOutcome.rejected("blocked"));
        channel.clear();
        assertThat(channel.handedOver()).isEmpty();
        assertThat(channel.sent()).isEmpty();
        assertThat(channel.send(message(1))).isInstanceOf(SendOutcome.Accepted.class);
    }

    @Test
    void the_logging_channel_logs_id_kind_and_attempt_but_never_address_name_or_content() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        SendOutcome outcome;
        try {
            outcome = LoggingMessageChannel.forProviderKinds().send(message(2));
        } finally {
            System.setErr(original);
        }

        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(outcome).isEqualTo(SendOutcome.accepted("log-" + ID));
        assertThat(log).contains("INFO", ID.toString(), "EMAIL", "attempt 2")
                .doesNotContain("anna", "Anna", "example", "Zebra", "Giraffe");
        assertThat(LoggingMessageChannel.forProviderKinds().kinds()).containsExactlyInAnyOrder(ChannelKind.EMAIL,
                ChannelKind.SMS, ChannelKind.PUSH);
        assertThat(LoggingMessageChannel.forKinds(ChannelKind.CALL_LIST).kinds()).containsExactly(ChannelKind.CALL_LIST);
    }

    @Test
    void outcomes_check_their_reason_codes_and_waits() {
        assertThat(SendOutcome.accepted()).isEqualTo(new SendOutcome.Accepted(null));
        assertThat(SendOutcome.failedTemporarily("throttled", Duration.ofSeconds(5)))
                .isEqualTo(new SendOutcome.Failed("throttled", true, Duration.ofSeconds(5)));
        assertThat(message(1).idempotencyKey()).isEqualTo(ID.toString());
        assertThat(message(1).recipient().toString()).doesNotContain("anna");
        assertThat(message(1).content().toString()).doesNotContain("Zebra");
        assertThat(message(1).toString()).doesNotContain("anna", "Zebra", "Giraffe");
        for (String bad : new String[] {"", "Timeout", "time out", "x".repeat(51), "-x"}) {
            assertThatThrownBy(() -> SendOutcome.rejected(bad)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.field()).isEqualTo("reason"));
        }
        assertThatThrownBy(() -> SendOutcome.rejected(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SendOutcome.accepted(" ")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("providerReference"));
        assertThatThrownBy(() -> SendOutcome.accepted("x".repeat(201))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SendOutcome.failedTemporarily("throttled", Duration.ofSeconds(-1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("retryAfter"));
        assertThatThrownBy(() -> new SendOutcome.Failed("blocked", false, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("retryAfter"));
        assertThatThrownBy(() -> SendOutcome.failedTemporarily("throttled", null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RecordingMessageChannel.forKinds(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RecordingMessageChannel.forKinds(ChannelKind.SMS, (ChannelKind) null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LoggingMessageChannel.forKinds(null)).isInstanceOf(ValidationException.class);
    }
}
