package dev.crmkit.core.common;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * The one rule for text a caller gives CRMKit: names, titles, subjects, labels, tags, reasons, notes and other free
 * text, in every domain. Every command and value record passes its text through here, so "  Grace " is stored as
 * "Grace" whether it names a customer, a lead, a deal, a pipeline or a team.
 *
 * <ol>
 *   <li>Leading and trailing whitespace is removed as {@link String#strip()} removes it (Unicode white space, which
 *       includes line breaks and tabs).</li>
 *   <li>A value that is empty after that counts as absent: an optional field becomes null, a required one is refused
 *       with a {@link ValidationException} naming the field.</li>
 *   <li>Inner white space is kept as given: CRMKit does not collapse runs of spaces or line breaks.</li>
 *   <li>Length limits apply to the stripped value, counted in Java {@code char}s.</li>
 *   <li>Control characters (Unicode category Cc) are refused, except tab, line feed and carriage return, which free
 *       text such as notes may hold inside it. Text must be well-formed UTF-16 ({@link Checks#optionalText}).</li>
 * </ol>
 *
 * <p>Identifiers and codes are not text in this sense and are compared exactly as given: idempotency keys, user ids,
 * external references, custom field keys, stage keys, currency and country codes, node ids.
 */
public final class Text {
    private Text() {
    }

    /**
     * Required text: stripped, then checked.
     *
     * @return the stripped value, never null or empty
     * @throws ValidationException naming {@code field} when the value is null or blank ("is required"), longer than
     *     {@code max} once stripped, or holds a refused character
     */
    public static String required(String field, String value, int max) {
        String stripped = optional(field, value, max);
        if (stripped == null) {
            throw new ValidationException(field, "is required");
        }
        return stripped;
    }

    /**
     * Optional text: stripped, then checked; null and blank values both come back as null.
     *
     * @return the stripped value, or null when the value is null or blank
     * @throws ValidationException naming {@code field} when the stripped value is longer than {@code max} or holds a
     *     refused character
     */
    public static String optional(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        Checks.optionalText(field, stripped, max);
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new ValidationException(field, "must not contain control characters other than tab and line "
                        + "breaks");
            }
        }
        return stripped;
    }

    /**
     * Text in a change where null means "leave as it is" and blank means "clear it": null stays null, a blank value
     * becomes the empty string, anything else is checked as {@link #optional}.
     *
     * @return null, the empty string, or the stripped value
     * @throws ValidationException as {@link #optional}
     */
    public static String clearable(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = optional(field, value, max);
        return stripped == null ? "" : stripped;
    }
}
