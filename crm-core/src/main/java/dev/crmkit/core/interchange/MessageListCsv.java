package dev.crmkit.core.interchange;

import dev.crmkit.core.messaging.Message;
import dev.crmkit.core.messaging.MessageService;
import dev.crmkit.model.Checks;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.StorageFailureException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * Writes a call list or a direct-mail list as a CSV file for the telesales team or the print shop: a header row, then
 * one row per entry on the list ({@link MessageService#listEntries}), read page by page so a list of any length is
 * written at constant memory. Entries whose personal data was erased are left out.
 *
 * <p>Columns of a call list: {@code message_id, customer_id, name, phone, topic, notes, status}. Columns of a
 * direct-mail list: {@code message_id, customer_id, name, address_line_1} to {@code address_line_6},
 * {@code subject, body, status}. The message id is the row's reference: report the call's or the letter's outcome back
 * with it ({@code MessageService.report}). A text cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a
 * tab or a carriage return is prefixed with an apostrophe so a spreadsheet does not run it as a formula; the phone
 * number, which is E.164 ({@code +4930...}), is written as it is.
 */
public final class MessageListCsv {
    /** Quotes a cell only when it must (a comma, a quote, a line break), so ids and phone numbers stay bare. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();
    private static final int PAGE = 500;
    private static final int ADDRESS_LINES = 6;

    private MessageListCsv() {
    }

    /**
     * Writes the list {@code listName} of {@code kind} to {@code out} (which stays open) and returns how many entries
     * it wrote.
     *
     * @throws ValidationException ({@code kind}) when the kind is not {@code CALL_LIST} or {@code DIRECT_MAIL}, or
     *     ({@code listName}, {@code out}) when one is missing
     * @throws StorageFailureException when writing to {@code out} fails (the cause kept)
     */
    public static int write(MessageService messages, ChannelKind kind, String listName, Writer out) {
        Checks.required("messages", messages);
        Checks.required("kind", kind);
        if (!kind.isList()) {
            throw new ValidationException("kind", "must be CALL_LIST or DIRECT_MAIL");
        }
        Checks.text("listName", listName, 100);
        Checks.required("out", out);
        CsvSchema.Builder schema = CsvSchema.builder();
        header(kind).forEach(schema::addColumn);
        int written = 0;
        try (SequenceWriter rows = CSV.writer(schema.build().withHeader()).writeValues(new KeepOpen(out))) {
            PageRequest request = PageRequest.first(PAGE);
            while (true) {
                Page<Message> page = messages.listEntries(kind, listName, request);
                for (Message entry : page.items()) {
                    if (entry.recipient() != null) {
                        rows.write(row(kind, entry));
                        written++;
                    }
                }
                if (page.next().isEmpty()) {
                    break;
                }
                request = request.next(page.next().get());
            }
        } catch (JacksonException e) {
            throw new StorageFailureException("writing the list failed (" + e.getClass().getSimpleName() + ")", e);
        }
        return written;
    }

    private static List<String> header(ChannelKind kind) {
        List<String> columns = new ArrayList<>(List.of("message_id", "customer_id", "name"));
        if (kind == ChannelKind.CALL_LIST) {
            columns.addAll(List.of("phone", "topic", "notes"));
        } else {
            for (int line = 1; line <= ADDRESS_LINES; line++) {
                columns.add("address_line_" + line);
            }
            columns.addAll(List.of("subject", "body"));
        }
        columns.add("status");
        return columns;
    }

    private static List<String> row(ChannelKind kind, Message entry) {
        List<String> cells = new ArrayList<>(List.of(entry.id().toString(), entry.customerId().toString(),
                text(entry.recipient().name())));
        if (kind == ChannelKind.CALL_LIST) {
            cells.add(entry.recipient().address());
        } else {
            List<String> lines = new ArrayList<>(Arrays.asList(entry.recipient().address().split("\n", -1)));
            while (lines.size() < ADDRESS_LINES) {
                lines.add(null);
            }
            lines.forEach(line -> cells.add(text(line)));
        }
        cells.add(text(entry.content().subject()));
        cells.add(text(entry.content().body()));
        cells.add(entry.status().name());
        return cells;
    }

    /** The cell of a text: empty for none, and defused when a spreadsheet would read it as a formula. */
    private static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    /** The caller's writer, flushed but not closed when the CSV writer closes. */
    private static final class KeepOpen extends Writer {
        private final Writer out;

        KeepOpen(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
