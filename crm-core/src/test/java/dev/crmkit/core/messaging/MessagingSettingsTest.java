package dev.crmkit.core.messaging;

import static dev.crmkit.core.messaging.MessagingFixtures.START;
import static dev.crmkit.core.messaging.MessagingFixtures.TENANT;
import static dev.crmkit.core.messaging.MessagingFixtures.orderConfirmation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.message.MessageStorage;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The module's settings at their edges, and how the module declares itself. */
class MessagingSettingsTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void the_module_needs_the_customer_domain_and_the_message_and_customer_storage() {
        MessagingModule module = new MessagingModule();

        assertThat(module.name()).isEqualTo("messaging");
        assertThat(module.requires()).containsExactly("customer");
        assertThat(module.storageCapabilities()).containsExactlyInAnyOrder(MessageStorage.class,
                CustomerStorage.class);
    }

    @Test
    void the_default_policy_gives_six_attempts_a_minute_apart_doubling_to_an_hour_and_two_minutes_each() {
        DispatchPolicy defaults = DispatchPolicy.defaults();

        assertThat(defaults).isEqualTo(new DispatchPolicy(6, MINUTE, Duration.ofHours(1), Duration.ofMinutes(2)));
        assertThat(defaults.retryDelay(1)).isEqualTo(MINUTE);
        assertThat(defaults.retryDelay(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.retryDelay(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(defaults.retryDelay(7)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.retryDelay(1_000)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.givesUpAfter(5)).isFalse();
        assertThat(defaults.givesUpAfter(6)).isTrue();
        assertThat(defaults.withRetries(MINUTE, MINUTE)).isEqualTo(new DispatchPolicy(6, MINUTE, MINUTE,
                Duration.ofMinutes(2)));
        assertThat(defaults.withRetries(MINUTE, MINUTE).retryDelay(5)).isEqualTo(MINUTE);
        assertThat(new DispatchPolicy(100, MINUTE, MINUTE, MINUTE).maxAttempts()).isEqualTo(100);
    }

    @Test
    void rate_limits_at_their_edges() {
        assertThat(new RateLimit(1, Duration.ofDays(1), 1).interval()).isEqualTo(Duration.ofDays(1));
        assertThat(new RateLimit(1_000, Duration.ofMillis(1), 1).interval()).isEqualTo(Duration.ofNanos(1_000));
        assertThat(RateLimit.of(3, Duration.ofSeconds(1)).interval()).isEqualTo(Duration.ofNanos(333_333_000));
        assertThat(RateLimit.of(10, MINUTE).withBurst(1)).isEqualTo(new RateLimit(10, MINUTE, 1));
        assertThat(RateLimit.of(10, MINUTE).burst()).isEqualTo(10);
        assertThatThrownBy(() -> new RateLimit(1_001, Duration.ofMillis(1), 1))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void an_e_mail_address_may_have_254_characters_and_a_batch_500_commands() {
        MessagingFixtures fixtures = new MessagingFixtures();
        UUID anna = fixtures.person("Anna").id();
        String longest = "a".repeat(240) + "@example.co";
        assertThat(longest).hasSize(251);
        assertThat(SendMessage.email(anna, longest + "xyz", "s", "b").recipient().address()).hasSize(254);
        assertThatThrownBy(() -> SendMessage.email(anna, longest + "wxyz", "s", "b"))
                .isInstanceOf(ValidationException.class);
        List<SendMessage> batch = new ArrayList<>();
        for (int i = 0; i < MessageService.MAX_BATCH; i++) {
            batch.add(orderConfirmation(anna));
        }

        assertThat(fixtures.messages().sendAll(batch)).hasSize(500);
    }

    @Test
    void work_that_falls_due_before_its_message_may_go_waits_for_the_message() {
        // given: another node with a fast clock scheduled the dispatch an hour early
        MessagingFixtures fixtures = new MessagingFixtures();
        Message later = fixtures.messages().send(orderConfirmation(fixtures.person("Anna").id())
                .notBefore(START.plusSeconds(3600)));
        fixtures.storage.dueWork().schedule(DueWorkRecord.of(TENANT, UUID.randomUUID(), MessageService.DISPATCH,
                later.id().toString(), START, null));

        // when
        fixtures.dispatch();

        // then
        assertThat(fixtures.channel.handedOver()).isEmpty();
        assertThat(fixtures.dispatchWork(later.id()).orElseThrow().dueAt()).isEqualTo(START.plusSeconds(3600));
        assertThat(fixtures.messages().message(later.id()).status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(Set.of(ChannelKind.values())).hasSize(5);
    }
}
