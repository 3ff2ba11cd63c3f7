package dev.crmkit.core.customer;

import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.customer.CustomerRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A customer as the services return it: the stored profile with its contact points.
 *
 * @param id the customer's id; a merged customer's id still resolves to this survivor
 * @param version the optimistic version of the stored profile
 * @param kind person or organization
 * @param displayName how the customer is shown
 * @param givenName a person's given name, or null
 * @param familyName a person's family name, or null
 * @param organizationName an organization's name, or a person's employer, or null
 * @param externalRef the host's own id for the customer, or null
 * @param lifecycleStage prospect, customer or former customer
 * @param ownerId the team member owning the customer, or null
 * @param tags the tags, sorted
 * @param customFields custom field values by key, sorted by key
 * @param contactPoints the contact points, by kind, primary first
 * @param createdAt when the customer was registered
 * @param updatedAt when the profile last changed
 */
public record Customer(
        UUID id,
        long version,
        PartyKind kind,
        String displayName,
        String givenName,
        String familyName,
        String organizationName,
        String externalRef,
        LifecycleStage lifecycleStage,
        UUID ownerId,
        Set<String> tags,
        Map<String, CustomFieldValue> customFields,
        List<ContactPoint> contactPoints,
        Instant createdAt,
        Instant updatedAt) {

    /** Copies the contact points, so a customer never changes. */
    public Customer {
        contactPoints = List.copyOf(contactPoints);
    }

    static Customer of(CustomerRecord r, List<ContactPoint> contactPoints) {
        List<ContactPoint> sorted = contactPoints.stream()
                .sorted(Comparator.comparing(ContactPoint::kind)
                        .thenComparing(ContactPoint::primary, Comparator.reverseOrder())
                        .thenComparing(ContactPoint::id, dev.crmkit.spi.Ids.ORDER))
                .toList();
        return new Customer(r.id(), r.version(), r.kind(), r.displayName(), r.givenName(), r.familyName(),
                r.organizationName(), r.externalRef(), r.lifecycleStage(), r.ownerId(), r.tags(), r.customFields(),
                sorted, r.createdAt(), r.updatedAt());
    }

    /** The primary contact point of a kind, if the customer has any of that kind. */
    public Optional<ContactPoint> primary(ContactPointKind contactKind) {
        return contactPoints.stream().filter(c -> c.kind() == contactKind && c.primary()).findFirst();
    }

    /** The contact points of one kind, primary first. */
    public List<ContactPoint> contactPoints(ContactPointKind contactKind) {
        return contactPoints.stream().filter(c -> c.kind() == contactKind).toList();
    }
}
