package dev.crmkit.model.message;

import dev.crmkit.model.Checks;

/**
 * What a message says: treated as personal data like its {@link Recipient}, because a personalised text names and
 * describes its reader; never written to events, logs or exception messages ({@link #toString()} shows neither part).
 *
 * <ul>
 *   <li>{@code subject}: an e-mail's subject, a push notification's title, a call's or letter's topic (or the code of
 *       the letter the print shop prints); optional, at most 500 characters.</li>
 *   <li>{@code body}: the text; optional, at most 100,000 characters.</li>
 * </ul>
 */
public record MessageContent(String subject, String body) {
    /**
     * Checks the rules above; both parts may be null (a call-list entry without notes, say).
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public MessageContent {
        Checks.optionalText("subject", subject, 500);
        Checks.optionalText("body", body, 100_000);
    }

    /** Names the type only: the parts may be personal data and stay out of logs. */
    @Override
    public String toString() {
        return "MessageContent[redacted]";
    }
}
