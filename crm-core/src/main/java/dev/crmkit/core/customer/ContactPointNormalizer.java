package dev.crmkit.core.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.crmkit.core.common.Text;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.PostalAddress;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns contact points as typed into the normalized form they are stored, matched and de-duplicated in. Errors
 * name the field under the caller's path ({@code contactPoints[0].value}) and never repeat the value.
 */
final class ContactPointNormalizer {
    /** A contact point ready to store. */
    record Normalized(ContactPointKind kind, String label, String value, PostalAddress address) {
    }

    // Deliberately ASCII and conservative: addresses that pass here are deliverable by any mail system.
    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final int MAX_EMAIL = 254;
    // What a phone number may be written with: an optional leading + (an opening parenthesis may come first),
    // digits, spaces (also no-break ones), and the separators ( ) - . / with the dashes word processors put in.
    // It starts and ends with a digit or a parenthesis around one. libphonenumber alone would read a number out of
    // "+49 30 1234567'; --" or "030 1234567 ext. 12" and drop the rest; an extension has no place in E.164, so
    // it is rejected rather than silently lost.
    private static final Pattern PHONE = Pattern.compile(
            "\\(?\\+?[0-9(][0-9 \u00a0\u202f()\\-./\u2010-\u2015\u2212]*[0-9)]");
    private static final int MAX_RAW = 1000;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    ContactPointNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    Normalized normalize(String path, NewContactPoint point) {
        Checks.required(path, point);
        String label = Text.optional(path + ".label", point.label(), 50);
        return switch (point.kind()) {
            case EMAIL -> new Normalized(ContactPointKind.EMAIL, label, email(path + ".value", point.value()), null);
            case PHONE -> new Normalized(ContactPointKind.PHONE, label, phone(path + ".value", point.value()), null);
            case POSTAL -> {
                PostalAddress address = stripped(path + ".address", point.address());
                yield new Normalized(ContactPointKind.POSTAL, label, postal(path + ".address", address), address);
            }
        };
    }

    /** The address with its text stripped by the {@link Text} rule; the country code is a code, kept as given. */
    private static PostalAddress stripped(String field, PostalAddress address) {
        Checks.required(field, address);
        return new PostalAddress(Text.required(field + ".street", address.street(), 300),
                Text.optional(field + ".city", address.city(), 100),
                Text.optional(field + ".region", address.region(), 100),
                Text.optional(field + ".postalCode", address.postalCode(), 20), address.countryCode());
    }

    String email(String field, String raw) {
        Checks.optionalText(field, Checks.required(field, raw), MAX_RAW);
        String email = raw.strip().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw new ValidationException(field, "must be a valid e-mail address");
        }
        return email;
    }

    String phone(String field, String raw) {
        Checks.optionalText(field, Checks.required(field, raw), MAX_RAW);
        String phone = raw.strip();
        if (!PHONE.matcher(phone).matches()) {
            throw new ValidationException(field,
                    "must be a valid phone number: digits, spaces and + ( ) - . / only, no extension");
        }
        try {
            Phonenumber.PhoneNumber number = phones.parse(phone, defaultRegion);
            if (!phones.isValidNumber(number)) {
                throw new ValidationException(field, "must be a valid phone number");
            }
            return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new ValidationException(field, "must be a valid phone number");
        }
    }

    static String postal(String field, PostalAddress address) {
        Checks.required(field, address);
        if (!COUNTRIES.contains(address.countryCode())) {
            throw new ValidationException(field + ".countryCode", "must be an assigned ISO 3166-1 alpha-2 code");
        }
        String line = String.join("|", NameKeys.fold(address.street()), NameKeys.fold(postcodeOrEmpty(address)),
                NameKeys.fold(address.city() == null ? "" : address.city()), address.countryCode());
        return truncate(line, 320);
    }

    /** The postcode as it is matched: folded, with its country, or null when the address has none. */
    static String postcodeKey(PostalAddress address) {
        String postcode = NameKeys.fold(postcodeOrEmpty(address)).replace(" ", "");
        return postcode.isEmpty() ? null : address.countryCode() + ":" + postcode;
    }

    private static String postcodeOrEmpty(PostalAddress address) {
        return address.postalCode() == null ? "" : address.postalCode();
    }

    static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
