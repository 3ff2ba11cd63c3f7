package dev.crmkit.core.customer;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.PostalAddress;

/**
 * A contact point as the caller gives it, before normalization: an e-mail address or a phone number as typed,
 * or a postal address. The service normalizes it (e-mail trimmed and lower-cased, phone to E.164) and rejects
 * what it cannot, naming the field ({@code contactPoints[0].value}).
 *
 * @param kind what kind of contact point
 * @param label which one it is ({@code home}, {@code work}); optional
 * @param value the raw e-mail address or phone number; ignored for postal addresses
 * @param address the postal address; present exactly for {@link ContactPointKind#POSTAL}
 */
public record NewContactPoint(ContactPointKind kind, String label, String value, PostalAddress address) {
    /**
     * Checks only the shape; the value is normalized and checked when the service stores it.
     *
     * @throws ValidationException ({@code kind}) when the kind is null; ({@code address}) when an address is missing
     *     for a postal contact point or given for another kind; ({@code value}) when a non-postal point has none
     */
    public NewContactPoint {
        Checks.required("kind", kind);
        if ((kind == ContactPointKind.POSTAL) != (address != null)) {
            throw new ValidationException("address", "must be given for postal contact points and only for them");
        }
        if (kind != ContactPointKind.POSTAL) {
            Checks.required("value", value);
        }
    }

    /** An e-mail address as typed. */
    public static NewContactPoint email(String address) {
        return new NewContactPoint(ContactPointKind.EMAIL, null, address, null);
    }

    /** A phone number as typed, national numbers read in the configured default region. */
    public static NewContactPoint phone(String number) {
        return new NewContactPoint(ContactPointKind.PHONE, null, number, null);
    }

    /** A postal address. */
    public static NewContactPoint postal(PostalAddress address) {
        return new NewContactPoint(ContactPointKind.POSTAL, null, null, address);
    }

    /** This contact point with a label such as {@code home} or {@code work}. */
    public NewContactPoint labelled(String newLabel) {
        return new NewContactPoint(kind, newLabel, value, address);
    }
}
