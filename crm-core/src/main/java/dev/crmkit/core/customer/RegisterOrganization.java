package dev.crmkit.core.customer;

import dev.crmkit.core.common.Text;
import dev.crmkit.model.Checks;
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
 * Registers an organization (a company, a public body, an association). The organization name is required; the
 * display name defaults to it. Start with {@link #named(String)}. Null collections count as empty, a null stage
 * as {@link LifecycleStage#PROSPECT}. Names and tags follow the {@link Text} rule: stripped, blank counts as absent.
 */
public record RegisterOrganization(
        String organizationName,
        String displayName,
        List<NewContactPoint> contactPoints,
        Set<String> tags,
        Map<String, CustomFieldValue> customFields,
        UUID ownerId,
        LifecycleStage lifecycleStage,
        String externalRef) implements RegisterCustomer {

    /**
     * Fills in the defaults above and copies the collections (tags sorted).
     *
     * @throws dev.crmkit.model.ValidationException naming the component: an organization name of 1 to 200 characters is
     *     required; a display name takes at most 200, an external reference at most 100; tags are at most 50 of 1 to
     *     64 characters; custom field keys match {@code CustomFieldValue.KEY}
     */
    public RegisterOrganization {
        organizationName = Text.required("organizationName", organizationName, 200);
        displayName = Text.optional("displayName", displayName, 200);
        if (displayName == null) {
            displayName = organizationName;
        }
        contactPoints = RegisterCustomer.copyContactPoints(contactPoints);
        tags = RegisterCustomer.copyTags(tags);
        customFields = RegisterCustomer.copyCustomFields(customFields);
        lifecycleStage = lifecycleStage == null ? LifecycleStage.PROSPECT : lifecycleStage;
        Checks.optionalText("externalRef", externalRef, 100);
    }

    /** A prospect organization with this name and nothing else yet. */
    public static RegisterOrganization named(String organizationName) {
        return new RegisterOrganization(organizationName, null, null, null, null, null, null, null);
    }

    @Override
    public PartyKind kind() {
        return PartyKind.ORGANIZATION;
    }

    /** Organizations have no given name. */
    @Override
    public String givenName() {
        return null;
    }

    /** Organizations have no family name. */
    @Override
    public String familyName() {
        return null;
    }

    /** The same command with one more contact point. */
    public RegisterOrganization withContactPoint(NewContactPoint contactPoint) {
        List<NewContactPoint> more = new ArrayList<>(contactPoints);
        more.add(contactPoint);
        return new RegisterOrganization(organizationName, displayName, more, tags, customFields, ownerId,
                lifecycleStage, externalRef);
    }

    /** The same command with one more e-mail address. */
    public RegisterOrganization withEmail(String email) {
        return withContactPoint(NewContactPoint.email(email));
    }

    /** The same command with one more phone number. */
    public RegisterOrganization withPhone(String phone) {
        return withContactPoint(NewContactPoint.phone(phone));
    }

    /** The same command with one more tag. */
    public RegisterOrganization withTag(String tag) {
        Set<String> more = new HashSet<>(tags);
        more.add(tag);
        return new RegisterOrganization(organizationName, displayName, contactPoints, more, customFields, ownerId,
                lifecycleStage, externalRef);
    }

    /** The same command with one more custom field value. */
    public RegisterOrganization withCustomField(String key, CustomFieldValue value) {
        Map<String, CustomFieldValue> more = new HashMap<>(customFields);
        more.put(key, value);
        return new RegisterOrganization(organizationName, displayName, contactPoints, tags, more, ownerId,
                lifecycleStage, externalRef);
    }

    /** The same command with an owner. */
    public RegisterOrganization withOwner(UUID owner) {
        return new RegisterOrganization(organizationName, displayName, contactPoints, tags, customFields, owner,
                lifecycleStage, externalRef);
    }

    /** The same command with a starting lifecycle stage. */
    public RegisterOrganization withStage(LifecycleStage stage) {
        return new RegisterOrganization(organizationName, displayName, contactPoints, tags, customFields, ownerId,
                stage, externalRef);
    }

    /** The same command with the host's own id. */
    public RegisterOrganization withExternalRef(String ref) {
        return new RegisterOrganization(organizationName, displayName, contactPoints, tags, customFields, ownerId,
                lifecycleStage, ref);
    }
}
