package dev.crmkit.core.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.messaging.Message;
import dev.crmkit.core.messaging.MessageService;
import dev.crmkit.core.messaging.SendMessage;
import dev.crmkit.core.touchpoint.TouchPointFixtures;
import dev.crmkit.model.StorageFailureException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.message.MessageStorage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageListCsvTest {
    private final TouchPointFixtures fixtures = new TouchPointFixtures();
    private final MessageService messages = fixtures.tenant(TouchPointFixtures.TENANT).service(MessageService.class);
    private final CustomerRecord anna = fixtures.person("Anna Schmidt");
    private final CustomerRecord bob = fixtures.person("Bob Brown");

    private void dispatch() {
        while (fixtures.crm.scheduler().runDueWork().claimed() > 0) {
            // until every queued entry is on its list
        }
    }

    @Test
    void a_call_list_is_written_with_a_header_and_one_row_per_entry_at_any_length() {
        // given: 1,203 entries, more than two pages, one of them erased later
        Message first = messages.send(SendMessage.callList(anna.id(), "spring", "+4930123456")
                .withRecipientName("Anna Schmidt").withContent("Reactivation", "Ask about \"Spring\", then =offer"));
        for (int i = 0; i < 1_202; i++) {
            messages.send(SendMessage.callList(bob.id(), "spring", "+4930654321"));
        }
        messages.send(SendMessage.callList(anna.id(), "other-list", "+4930123456"));
        dispatch();
        fixtures.clock.advance(Duration.ofSeconds(1));
        StringWriter out = new StringWriter();

        // when
        int written = MessageListCsv.write(messages, ChannelKind.CALL_LIST, "spring", out);

        // then
        List<String> lines = out.toString().lines().toList();
        assertThat(written).isEqualTo(1_203);
        assertThat(lines).hasSize(1_204);
        assertThat(lines.get(0)).isEqualTo("message_id,customer_id,name,phone,topic,notes,status");
        assertThat(lines.get(1)).isEqualTo(first.id() + "," + anna.id()
                + ",Anna Schmidt,+4930123456,Reactivation,\"Ask about \"\"Spring\"\", then =offer\",SENT");

        // and an erased person's entries are left out
        fixtures.storage.capability(MessageStorage.class).orElseThrow().messages().erase(TouchPointFixtures.TENANT,
                anna.id(), fixtures.clock.instant());
        assertThat(MessageListCsv.write(messages, ChannelKind.CALL_LIST, "spring", new StringWriter()))
                .isEqualTo(1_202);
    }

    @Test
    void a_direct_mail_list_splits_the_postal_address_into_lines_and_defuses_formulas() {
        messages.send(SendMessage.directMail(anna.id(), "letters", "=HYPERLINK(\"x\")",
                "Hauptstraße 1\n10115 Berlin\nGermany").withContent("LETTER-A", "-50% for you"));
        dispatch();
        StringWriter out = new StringWriter();

        MessageListCsv.write(messages, ChannelKind.DIRECT_MAIL, "letters", out);

        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("message_id,customer_id,name,address_line_1,address_line_2,address_line_3,"
                + "address_line_4,address_line_5,address_line_6,subject,body,status");
        assertThat(lines.get(1)).endsWith(",\"'=HYPERLINK(\"\"x\"\")\",Hauptstraße 1,10115 Berlin,Germany,,,,"
                + "LETTER-A,'-50% for you,SENT");
    }

    @Test
    void bad_arguments_are_refused_and_a_failing_writer_is_a_storage_failure() {
        assertThatThrownBy(() -> MessageListCsv.write(messages, ChannelKind.SMS, "x", new StringWriter()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("kind"));
        assertThatThrownBy(() -> MessageListCsv.write(messages, null, "x", new StringWriter()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> MessageListCsv.write(messages, ChannelKind.CALL_LIST, " ", new StringWriter()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> MessageListCsv.write(null, ChannelKind.CALL_LIST, "x", new StringWriter()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> MessageListCsv.write(messages, ChannelKind.CALL_LIST, "x", null))
                .isInstanceOf(ValidationException.class);
        Writer broken = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> MessageListCsv.write(messages, ChannelKind.CALL_LIST, "x", broken))
                .isInstanceOf(StorageFailureException.class);
    }
}
