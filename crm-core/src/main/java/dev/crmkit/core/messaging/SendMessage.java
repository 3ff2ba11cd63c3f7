package dev.crmkit.core.messaging;

import dev.crmkit.core.common.Text;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageContent;
import dev.crmkit.model.message.MessageOrigin;
import dev.crmkit.model.message.Recipient;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Sends a message to a customer: on which kind of channel (and, for a call list or a direct-mail list, on which
 * list), to whom, saying what, on behalf of what ({@code origin}), not before when, and with the caller's idempotency
 * key. Build it with a factory ({@link #email}, {@link #sms}, {@link #push}, {@link #callList}, {@link #directMail})
 * and the {@code with...} methods.
 *
 * <p>What each kind needs, checked on construction with a {@link ValidationException} naming the field (never
 * repeating the value, which is personal data):
 * <ul>
 *   <li>{@code EMAIL}: an e-mail address (at most 254 characters, one {@code @}, no spaces), a subject and a body.</li>
 *   <li>{@code SMS}: a phone number in E.164 form ({@code +4930123456}), a body of at most 1,600 characters, no
 *       subject.</li>
 *   <li>{@code PUSH}: a device or browser token (no spaces), a body of at most 2,000 characters and an optional
 *       title (the subject, at most 200).</li>
 *   <li>{@code CALL_LIST}: a list name, a phone number in E.164 form; topic (subject) and notes (body) optional.</li>
 *   <li>{@code DIRECT_MAIL}: a list name, the recipient's name, and a postal address of 2 to 6 lines (street, town,
 *       country) separated by {@code \n}, each at most 100 characters; subject and body optional.</li>
 * </ul>
 * A list name is 1 to 100 letters, digits, '.', '-' and '_'; other kinds have none. An idempotency key is 1 to 100
 * characters and not blank. {@code notBefore} (null: at once) is kept at microseconds. The recipient's name, the
 * subject and the body follow the {@link Text} rule (stripped, blank counts as absent); the address is kept as given.
 */
public record SendMessage(
        UUID customerId,
        ChannelKind kind,
        String listName,
        Recipient recipient,
        MessageContent content,
        MessageOrigin origin,
        Instant notBefore,
        String idempotencyKey) {

    private static final Pattern LIST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern NO_SPACE = Pattern.compile("[^\\s\\p{Cntrl}]+");
    private static final Pattern EMAIL = Pattern.compile("[^\\s\\p{Cntrl}@]+@[^\\s\\p{Cntrl}@]+");

    /** Validates the command for its kind. */
    public SendMessage {
        Checks.id("customerId", customerId);
        Checks.required("kind", kind);
        Checks.required("recipient", recipient);
        Checks.required("content", content);
        recipient = new Recipient(recipient.address(), Text.optional("recipient.name", recipient.name(), 200));
        content = new MessageContent(Text.optional("content.subject", content.subject(), 500),
                Text.optional("content.body", content.body(), 100_000));
        if (kind.isList()) {
            Checks.required("listName", listName);
            if (!LIST_NAME.matcher(listName).matches()) {
                throw new ValidationException("listName", "must be 1 to 100 letters, digits, '.', '-' and '_'");
            }
        } else if (listName != null) {
            throw new ValidationException("listName", "belongs to call lists and direct mail only");
        }
        checkAddress(kind, recipient);
        checkContent(kind, content);
        notBefore = Checks.optionalInstant("notBefore", notBefore);
        if (idempotencyKey != null) {
            Checks.text("idempotencyKey", idempotencyKey, 100);
        }
    }

    private static void checkAddress(ChannelKind kind, Recipient recipient) {
        String address = recipient.address();
        switch (kind) {
            case EMAIL -> require(address.length() <= 254 && EMAIL.matcher(address).matches(),
                    "recipient.address", "must be an e-mail address");
            case SMS, CALL_LIST -> require(E164.matcher(address).matches(), "recipient.address",
                    "must be a phone number in E.164 form: a + and 7 to 15 digits");
            case PUSH -> require(NO_SPACE.matcher(address).matches(), "recipient.address",
                    "must be a device token without spaces");
            case DIRECT_MAIL -> {
                require(recipient.name() != null && !recipient.name().isBlank(), "recipient.name",
                        "is required for direct mail");
                String[] lines = address.split("\n", -1);
                require(lines.length >= 2 && lines.length <= 6, "recipient.address",
                        "must be a postal address of 2 to 6 lines separated by \\n");
                for (String line : lines) {
                    require(!line.isBlank() && line.length() <= 100, "recipient.address",
                            "must have lines of 1 to 100 characters, none blank");
                }
            }
        }
    }

    private static void checkContent(ChannelKind kind, MessageContent content) {
        switch (kind) {
            case EMAIL -> {
                require(present(content.subject()), "content.subject", "is required for an e-mail");
                require(present(content.body()), "content.body", "is required for an e-mail");
            }
            case SMS -> {
                require(content.subject() == null, "content.subject", "is not sent by SMS");
                require(present(content.body()), "content.body", "is required for a text message");
                require(content.body().length() <= 1600, "content.body", "must be at most 1600 characters");
            }
            case PUSH -> {
                require(content.subject() == null || content.subject().length() <= 200, "content.subject",
                        "must be at most 200 characters");
                require(present(content.body()), "content.body", "is required for a push notification");
                require(content.body().length() <= 2000, "content.body", "must be at most 2000 characters");
            }
            case CALL_LIST, DIRECT_MAIL -> {
                // topic and notes, or the letter's code and text, are the host's to choose
            }
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static void require(boolean condition, String field, String reason) {
        if (!condition) {
            throw new ValidationException(field, reason);
        }
    }

    /** An e-mail to {@code address} with a subject and a body. */
    public static SendMessage email(UUID customerId, String address, String subject, String body) {
        return new SendMessage(customerId, ChannelKind.EMAIL, null, recipient(address, null),
                content(subject, body), null, null, null);
    }

    /** A text message to the E.164 phone number {@code phone}. */
    public static SendMessage sms(UUID customerId, String phone, String text) {
        return new SendMessage(customerId, ChannelKind.SMS, null, recipient(phone, null), content(null, text), null,
                null, null);
    }

    /** A push notification to a device or browser token, with an optional title. */
    public static SendMessage push(UUID customerId, String token, String title, String body) {
        return new SendMessage(customerId, ChannelKind.PUSH, null, recipient(token, null), content(title, body), null,
                null, null);
    }

    /** An entry on the call list {@code listName}: the number to call; add a topic and notes with {@link #withContent}. */
    public static SendMessage callList(UUID customerId, String listName, String phone) {
        return new SendMessage(customerId, ChannelKind.CALL_LIST, listName, recipient(phone, null),
                content(null, null), null, null, null);
    }

    /**
     * A letter on the direct-mail list {@code listName} to {@code name} at {@code postalAddress} (lines separated by
     * {@code \n}); add the letter's code and text with {@link #withContent}.
     */
    public static SendMessage directMail(UUID customerId, String listName, String name, String postalAddress) {
        return new SendMessage(customerId, ChannelKind.DIRECT_MAIL, listName, recipient(postalAddress, name),
                content(null, null), null, null, null);
    }

    /** This message addressed to the recipient by {@code name}. */
    public SendMessage withRecipientName(String name) {
        return new SendMessage(customerId, kind, listName, recipient(recipient.address(), name), content, origin,
                notBefore, idempotencyKey);
    }

    /** This message with another subject and body. */
    public SendMessage withContent(String subject, String body) {
        return new SendMessage(customerId, kind, listName, recipient, content(subject, body), origin, notBefore,
                idempotencyKey);
    }

    /** This message sent on behalf of {@code code} (such as {@code campaign}) and the thing with id {@code id}. */
    public SendMessage from(String code, UUID id) {
        return new SendMessage(customerId, kind, listName, recipient, content,
                within("origin", () -> new MessageOrigin(code, id)), notBefore, idempotencyKey);
    }

    /** This message held back until {@code notBefore}. */
    public SendMessage notBefore(Instant notBefore) {
        return new SendMessage(customerId, kind, listName, recipient, content, origin, notBefore, idempotencyKey);
    }

    /** This message with an idempotency key, for a caller that may retry. */
    public SendMessage withIdempotencyKey(String key) {
        return new SendMessage(customerId, kind, listName, recipient, content, origin, notBefore, key);
    }

    private static Recipient recipient(String address, String name) {
        return within("recipient", () -> new Recipient(address, name));
    }

    private static MessageContent content(String subject, String body) {
        return within("content", () -> new MessageContent(subject, body));
    }

    private static <T> T within(String field, Supplier<T> part) {
        try {
            return part.get();
        } catch (ValidationException e) {
            throw e.within(field);
        }
    }
}
