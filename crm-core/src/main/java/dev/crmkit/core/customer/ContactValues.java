package dev.crmkit.core.customer;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.PostalAddress;

/**
 * The normalization customers' contact points get, for other domains that take contact data (leads): e-mail
 * addresses trimmed, lower-cased and validated, phone numbers parsed (libphonenumber) and written in E.164 with
 * a default region for national numbers, postcodes folded into the key the matching rules compare.
 */
public final class ContactValues {
    private final ContactPointNormalizer normalizer;

    private ContactValues(String defaultRegion) {
        this.normalizer = new ContactPointNormalizer(defaultRegion);
    }

    /** Normalization that reads national phone numbers in this region (ISO 3166, or {@code ZZ} for none). */
    public static ContactValues forRegion(String defaultRegion) {
        Checks.text("defaultPhoneRegion", defaultRegion, 2);
        return new ContactValues(defaultRegion);
    }

    /**
     * The e-mail address as stored: trimmed and lower-case.
     *
     * @throws ValidationException on {@code field} when it is not a valid address
     */
    public String email(String field, String raw) {
        return normalizer.email(field, raw);
    }

    /**
     * The phone number in E.164.
     *
     * @throws ValidationException on {@code field} when it is not a valid number
     */
    public String phone(String field, String raw) {
        return normalizer.phone(field, raw);
    }

    /** The key postcodes are matched on (country and folded postcode), or null without a postcode. */
    public static String postcodeKey(String countryCode, String postcode) {
        if (postcode == null || postcode.isBlank()) {
            return null;
        }
        Checks.required("countryCode", countryCode);
        return ContactPointNormalizer.postcodeKey(new PostalAddress("-", null, null, postcode, countryCode));
    }
}
