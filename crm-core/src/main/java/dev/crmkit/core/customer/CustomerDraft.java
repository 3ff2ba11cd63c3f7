package dev.crmkit.core.customer;

import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.LifecycleStage;
import dev.crmkit.spi.customfield.CustomFieldValue;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A mutable working copy of a stored customer, so each service step changes only what it is about and the
 * record's constructor validates the result. The name key is recomputed from the names on every build.
 */
final class CustomerDraft {
    private final CustomerRecord base;
    String displayName;
    String givenName;
    String familyName;
    String organizationName;
    String externalRef;
    LifecycleStage lifecycleStage;
    String ownerId;
    final Set<String> tags;
    final Map<String, CustomFieldValue> customFields;
    UUID mergedInto;

    CustomerDraft(CustomerRecord base) {
        this.base = base;
        this.displayName = base.displayName();
        this.givenName = base.givenName();
        this.familyName = base.familyName();
        this.organizationName = base.organizationName();
        this.externalRef = base.externalRef();
        this.lifecycleStage = base.lifecycleStage();
        this.ownerId = base.ownerId();
        this.tags = new TreeSet<>(base.tags());
        this.customFields = new TreeMap<>(base.customFields());
        this.mergedInto = base.mergedInto();
    }

    CustomerRecord build(Instant now) {
        String nameKey = NameKeys.nameKey(base.kind(), displayName, givenName, familyName, organizationName);
        return new CustomerRecord(base.tenantId(), base.id(), base.version(), base.createdAt(), now, base.kind(),
                displayName, givenName, familyName, organizationName, nameKey, externalRef, lifecycleStage, ownerId,
                tags, customFields, mergedInto);
    }
}
