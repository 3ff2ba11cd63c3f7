package dev.crmkit.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.spi.customer.CustomerRecord;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A message's subject, body and recipient name follow the one text rule ({@code dev.crmkit.core.common.Text}). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MessageTextTest {
    private final MessagingFixtures fixtures = new MessagingFixtures();
    private final MessageService messages = fixtures.messages();
    private final CustomerRecord anna = fixtures.person("Anna Schmidt");

    @Test
    void an_e_mail_with_a_padded_subject_and_body_is_stored_stripped() {
        // when
        Message sent = messages.send(SendMessage.email(anna.id(), "anna.schmidt@example.com", "  Your order 4711 ",
                "\nDear Anna,\n\nyour order ships today.\n\n").withRecipientName(" Anna Schmidt "));

        // then
        Message stored = messages.message(sent.id());
        assertThat(stored.content().subject()).isEqualTo("Your order 4711");
        assertThat(stored.content().body()).isEqualTo("Dear Anna,\n\nyour order ships today.");
        assertThat(stored.recipient().name()).isEqualTo("Anna Schmidt");
    }
}
