package dev.crmkit.core.customer;

import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.PostalAddress;
import dev.crmkit.spi.customer.ContactPointRecord;
import java.util.UUID;

/**
 * A stored, normalized contact point of a customer.
 *
 * @param id its id, used to remove it or make it primary
 * @param kind e-mail, phone or postal
 * @param label which one it is, or null
 * @param value the normalized value: a lower-case e-mail, an E.164 number, or a one-line folded address
 * @param address the postal address, for postal contact points only
 * @param primary whether it is the one to use first among those of its kind
 */
public record ContactPoint(UUID id, ContactPointKind kind, String label, String value, PostalAddress address,
        boolean primary) {

    static ContactPoint of(ContactPointRecord r) {
        return new ContactPoint(r.id(), r.kind(), r.label(), r.value(), r.address(), r.primary());
    }
}
