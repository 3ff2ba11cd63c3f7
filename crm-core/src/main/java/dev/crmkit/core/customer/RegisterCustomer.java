package dev.crmkit.core.customer;

import dev.crmkit.core.common.Text;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customfield.CustomFieldValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A command to register a new customer: a {@link RegisterPerson} or a {@link RegisterOrganization}. Bulk
 * imports take a stream of these.
 */
public sealed interface RegisterCustomer permits RegisterPerson, RegisterOrganization {
    /** Person or organization. */
    PartyKind kind();

    /** How the customer is shown; derived from the names when the command did not give one. */
    String displayName();

    /** A person's given name, or null. */
    String givenName();

    /** A person's family name, or null. */
    String familyName();

    /** The organization's name, or a person's employer, or null. */
    String organizationName();

    /** Ways to reach the customer, as typed; the first of each kind becomes primary. */
    List<NewContactPoint> contactPoints();

    /** Tags to start with. */
    Set<String> tags();

    /** Custom field values, checked against the tenant's definitions. */
    Map<String, CustomFieldValue> customFields();

    /** The team member who owns the customer, or null. */
    UUID ownerId();

    /** The starting lifecycle stage; {@link LifecycleStage#PROSPECT} when not given. */
    LifecycleStage lifecycleStage();

    /** The host's own id for the customer, unique in the tenant, or null. */
    String externalRef();

    /** Validates and copies the parts every registration shares; used by the records' constructors. */
    static List<NewContactPoint> copyContactPoints(List<NewContactPoint> contactPoints) {
        return contactPoints == null ? List.of() : List.copyOf(Checks.noNulls("contactPoints", contactPoints));
    }

    /** Validates and copies tags (sorted), rejecting null, blank or over-long ones. */
    static Set<String> copyTags(Set<String> tags) {
        if (tags == null) {
            return Set.of();
        }
        Checks.noNulls("tags", tags);
        TreeSet<String> stripped = new TreeSet<>();
        for (String tag : tags) {
            stripped.add(Text.required("tags", tag, 64));
        }
        if (stripped.size() > 50) {
            throw new ValidationException("tags", "must hold at most 50 tags");
        }
        return java.util.Collections.unmodifiableSet(stripped);
    }

    /** Validates and copies custom field values, rejecting null keys and values. */
    static Map<String, CustomFieldValue> copyCustomFields(Map<String, CustomFieldValue> fields) {
        if (fields == null) {
            return Map.of();
        }
        Map<String, CustomFieldValue> copy = new LinkedHashMap<>();
        for (Map.Entry<String, CustomFieldValue> e : fields.entrySet()) {
            if (e.getKey() == null || !CustomFieldValue.KEY.matcher(e.getKey()).matches()) {
                throw new ValidationException("customFields", "has a key that is not a valid field key");
            }
            Checks.required("customFields." + e.getKey(), e.getValue());
            copy.put(e.getKey(), e.getValue());
        }
        return java.util.Collections.unmodifiableMap(copy);
    }
}
