package dev.crmkit.model.message;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.util.UUID;

/**
 * What sent a message: a code naming the sender ({@code campaign}, {@code ticket.acknowledgement},
 * {@code loyalty.expiry-notice}) and, optionally, the id of the thing that sent it (the campaign, the ticket). Both
 * travel in the message's events, so a domain can follow the fate of its own messages; neither may hold personal
 * data.
 *
 * <ul>
 *   <li>{@code code}: 1 to 64 lower-case letters, digits, '.' and '-', starting with a letter.</li>
 *   <li>{@code id}: optional.</li>
 * </ul>
 */
public record MessageOrigin(String code, UUID id) {
    /**
     * Checks the code as described above; the id is optional.
     *
     * @throws ValidationException ({@code code}) when the code is missing or malformed
     */
    public MessageOrigin {
        Checks.text("code", code, 64);
        boolean valid = code.charAt(0) >= 'a' && code.charAt(0) <= 'z';
        for (int i = 0; valid && i < code.length(); i++) {
            char c = code.charAt(i);
            valid = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-';
        }
        if (!valid) {
            throw new ValidationException("code", "must be lower-case letters, digits, '.' and '-', starting with a letter");
        }
    }

    /** An origin without an id. */
    public static MessageOrigin of(String code) {
        return new MessageOrigin(code, null);
    }
}
