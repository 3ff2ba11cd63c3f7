package dev.crmkit.core.customer;

import dev.crmkit.core.common.Text;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customfield.CustomFieldValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Registers a natural person. Give at least a given name, a family name or a display name; the display name
 * defaults to "given family". Start with {@link #named(String, String)} and add parts with the {@code with...}
 * methods. Null collections count as empty, a null stage as {@link LifecycleStage#PROSPECT}. Names and tags follow the
 * {@link Text} rule: stripped, blank counts as absent.
 */
public record RegisterPerson(
        String givenName,
        String familyName,
        String displayName,
        String organizationName,
        List<NewContactPoint> contactPoints,
        Set<String> tags,
        Map<String, CustomFieldValue> customFields,
        UUID ownerId,
        LifecycleStage lifecycleStage,
        String externalRef) implements RegisterCustomer {

    /**
     * Fills in the defaults above (a derived display name is cut to 200 characters) and copies the collections (tags
     * sorted).
     *
     * @throws ValidationException ({@code displayName}) when no name at all is given; otherwise naming the component:
     *     given and family names take at most 100 characters, display and organization names at most 200, an external
     *     reference at most 100; tags are at most 50 of 1 to 64 characters;
     *     custom field keys match {@code CustomFieldValue.KEY}
     */
    public RegisterPerson {
        givenName = Text.optional("givenName", givenName, 100);
        familyName = Text.optional("familyName", familyName, 100);
        displayName = Text.optional("displayName", displayName, 200);
        organizationName = Text.optional("organizationName", organizationName, 200);
        if (displayName == null) {
            String derived = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName))
                    .strip();
            if (derived.isEmpty()) {
                throw new ValidationException("displayName", "is required when neither givenName nor familyName is given");
            }
            displayName = derived.length() > 200 ? derived.substring(0, 200).strip() : derived;
        }
        contactPoints = RegisterCustomer.copyContactPoints(contactPoints);
        tags = RegisterCustomer.copyTags(tags);
        customFields = RegisterCustomer.copyCustomFields(customFields);
        lifecycleStage = lifecycleStage == null ? LifecycleStage.PROSPECT : lifecycleStage;
        Checks.optionalText("externalRef", externalRef, 100);
    }

    /** A prospect with these names and nothing else yet. */
    public static RegisterPerson named(String givenName, String familyName) {
        return new RegisterPerson(givenName, familyName, null, null, null, null, null, null, null, null);
    }

    @Override
    public PartyKind kind() {
        return PartyKind.PERSON;
    }

    /** The same command with one more contact point. */
    public RegisterPerson withContactPoint(NewContactPoint contactPoint) {
        List<NewContactPoint> more = new ArrayList<>(contactPoints);
        more.add(contactPoint);
        return new RegisterPerson(givenName, familyName, displayName, organizationName, more, tags, customFields,
                ownerId, lifecycleStage, externalRef);
    }

    /** The same command with one more e-mail address. */
    public RegisterPerson withEmail(String email) {
        return withContactPoint(NewContactPoint.email(email));
    }

    /** The same command with one more phone number. */
    public RegisterPerson withPhone(String phone) {
        return withContactPoint(NewContactPoint.phone(phone));
    }

    /** The same command with one more tag. */
    public RegisterPerson withTag(String tag) {
        Set<String> more = new HashSet<>(tags);
        more.add(tag);
        return new RegisterPerson(givenName, familyName, displayName, organizationName, contactPoints, more,
                customFields, ownerId, lifecycleStage, externalRef);
    }

    /** The same command with one more custom field value. */
    public RegisterPerson withCustomField(String key, CustomFieldValue value) {
        Map<String, CustomFieldValue> more = new HashMap<>(customFields);
        more.put(key, value);
        return new RegisterPerson(givenName, familyName, displayName, organizationName, contactPoints, tags, more,
                ownerId, lifecycleStage, externalRef);
    }

    /** The same command naming the person's employer. */
    public RegisterPerson withOrganizationName(String name) {
        return new RegisterPerson(givenName, familyName, displayName, name, contactPoints, tags, customFields,
                ownerId, lifecycleStage, externalRef);
    }

    /** The same command with an owner. */
    public RegisterPerson withOwner(UUID owner) {
        return new RegisterPerson(givenName, familyName, displayName, organizationName, contactPoints, tags,
                customFields, owner, lifecycleStage, externalRef);
    }

    /** The same command with a starting lifecycle stage. */
    public RegisterPerson withStage(LifecycleStage stage) {
        return new RegisterPerson(givenName, familyName, displayName, organizationName, contactPoints, tags,
                customFields, ownerId, stage, externalRef);
    }

    /** The same command with the host's own id. */
    public RegisterPerson withExternalRef(String ref) {
        return new RegisterPerson(givenName, familyName, displayName, organizationName, contactPoints, tags,
                customFields, ownerId, lifecycleStage, ref);
    }
}
