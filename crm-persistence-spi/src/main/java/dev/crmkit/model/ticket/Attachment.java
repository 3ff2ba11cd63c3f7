package dev.crmkit.model.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.util.regex.Pattern;

/**
 * A file attached to a ticket, by reference: CRMKit keeps no file, only where the host keeps it (a document store's
 * key, a URL) and its media type.
 *
 * @param reference where the host keeps the file: 1 to 500 characters, compared exactly as given
 * @param mediaType the file's media type such as {@code image/png}: {@code type/subtype} in lower case, at most 100
 *                  characters
 */
public record Attachment(String reference, String mediaType) {
    /** The longest reference. */
    public static final int MAX_REFERENCE = 500;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

    /**
     * Checks both parts.
     *
     * @throws ValidationException ({@code attachments[].reference}) when the reference is missing, blank or too long;
     *     ({@code attachments[].mediaType}) when the media type is missing or not {@code type/subtype}
     */
    public Attachment {
        Checks.text("attachments[].reference", reference, MAX_REFERENCE);
        Checks.text("attachments[].mediaType", mediaType, 100);
        if (!MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new ValidationException("attachments[].mediaType", "must be a media type such as image/png");
        }
    }
}
