package dev.crmkit.spi.customer;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The stored state of a customer, a person or an organization.
 *
 * <ul>
 *   <li>{@code displayName}: how the customer is shown; required, at most 200 characters.</li>
 *   <li>{@code givenName}, {@code familyName}: a person's names, optional, at most 100 characters each.</li>
 *   <li>{@code organizationName}: an organization's legal name, or the employer a person gave; optional, at most 200.</li>
 *   <li>{@code nameKey}: a normalized form of the name the core matches duplicates on; optional, at most 100.</li>
 *   <li>{@code externalRef}: the host's own id for this customer (an ERP number); optional, unique in the tenant,
 *       at most 100 characters. It doubles as an idempotency key for imports.</li>
 *   <li>{@code ownerId}: the team member who owns the customer (a member's id, as a lead's and a deal's owner);
 *       optional.</li>
 *   <li>{@code tags}: at most 50, each 1 to 64 characters, not blank; kept sorted.</li>
 *   <li>{@code customFields}: values by key ({@link CustomFieldValue#KEY}), at most 100; kept sorted by key.</li>
 *   <li>{@code mergedInto}: null for a live customer; the survivor's id once this customer was merged into another.
 *       Merged customers are still returned by {@code get}, and never by queries.</li>
 * </ul>
 */
public record CustomerRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        PartyKind kind,
        String displayName,
        String givenName,
        String familyName,
        String organizationName,
        String nameKey,
        String externalRef,
        LifecycleStage lifecycleStage,
        UUID ownerId,
        Set<String> tags,
        Map<String, CustomFieldValue> customFields,
        UUID mergedInto) implements StoredRecord {

    /** The most tags a customer may carry. */
    public static final int MAX_TAGS = 50;
    /** The most custom field values a customer may carry. */
    public static final int MAX_CUSTOM_FIELDS = 100;

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and the
     * timestamps are truncated to microseconds, the precision every backend keeps.
     * Tags and custom fields are copied into sorted, unmodifiable collections.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public CustomerRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.required("kind", kind);
        Checks.text("displayName", displayName, 200);
        Checks.optionalText("givenName", givenName, 100);
        Checks.optionalText("familyName", familyName, 100);
        Checks.optionalText("organizationName", organizationName, 200);
        Checks.optionalText("nameKey", nameKey, 100);
        Checks.optionalText("externalRef", externalRef, 100);
        Checks.required("lifecycleStage", lifecycleStage);
        tags = checkTags(tags);
        customFields = checkCustomFields(customFields);
    }

    private static Set<String> checkTags(Set<String> tags) {
        Checks.noNulls("tags", tags);
        if (tags.size() > MAX_TAGS) {
            throw new ValidationException("tags", "must hold at most " + MAX_TAGS + " tags");
        }
        for (String tag : tags) {
            Checks.text("tags[]", tag, 64);
        }
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }

    private static Map<String, CustomFieldValue> checkCustomFields(Map<String, CustomFieldValue> fields) {
        Checks.required("customFields", fields);
        if (fields.size() > MAX_CUSTOM_FIELDS) {
            throw new ValidationException("customFields", "must hold at most " + MAX_CUSTOM_FIELDS + " values");
        }
        for (Map.Entry<String, CustomFieldValue> e : fields.entrySet()) {
            CustomFieldValue.checkKey("customFields", e.getKey());
            Checks.required("customFields." + e.getKey(), e.getValue());
        }
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }

    /** Whether this customer was merged into another and only survives as a pointer to it. */
    public boolean isMerged() {
        return mergedInto != null;
    }

    /** This record at another version and update time, all else equal. */
    public CustomerRecord withVersion(long newVersion, Instant newUpdatedAt) {
        return new CustomerRecord(tenantId, id, newVersion, createdAt, newUpdatedAt, kind, displayName, givenName,
                familyName, organizationName, nameKey, externalRef, lifecycleStage, ownerId, tags, customFields, mergedInto);
    }
}
