package dev.crmkit.model.message;

import dev.crmkit.model.Checks;

/**
 * Whom a message goes to: personal data, stored because it must be to send, and never written to events, logs or
 * exception messages ({@link #toString()} shows neither part).
 *
 * <ul>
 *   <li>{@code address}: where the channel sends it: an e-mail address, an E.164 phone number, a device token, or a
 *       postal address with its lines separated by {@code \n}; 1 to 1000 characters.</li>
 *   <li>{@code name}: the name to address the person by; optional, at most 200.</li>
 * </ul>
 */
public record Recipient(String address, String name) {
    /**
     * Checks the rules above; the address is not checked against its channel's kind here, the messaging domain does
     * that.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public Recipient {
        Checks.text("address", address, 1000);
        Checks.optionalText("name", name, 200);
    }

    /** Names the type only: the parts are personal data and stay out of logs. */
    @Override
    public String toString() {
        return "Recipient[redacted]";
    }
}
