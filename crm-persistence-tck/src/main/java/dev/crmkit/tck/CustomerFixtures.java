package dev.crmkit.tck;

import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customer.PostalAddress;
import dev.crmkit.model.customfield.CustomFieldType;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.RelationshipRecord;
import dev.crmkit.spi.customfield.CustomFieldDefinitionRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Customers, contact points, relationships and custom field definitions the customer-side contracts store:
 * realistic values, non-ASCII letters included, at microsecond precision around {@link ContractSupport#NOW}.
 */
final class CustomerFixtures {
    /** The tenant most tests write to. */
    static final String TENANT = "acme-gmbh";
    /** A second tenant, to show that the first one's data stays its own. */
    static final String OTHER_TENANT = "globex.corp";

    private static final AtomicLong TENANTS = new AtomicLong();

    private CustomerFixtures() {
    }

    /** A tenant id no test has used yet, because storage is fresh per test but properties run many examples. */
    static String freshTenant() {
        return "t-" + TENANTS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A person with every optional field null, no tags and no custom fields. */
    static CustomerDraft bareProspect(String tenantId) {
        return new CustomerDraft(tenantId);
    }

    /** A person with every field set, tags, and a custom field value of each of the four types. */
    static CustomerDraft wellKnownPerson(String tenantId) {
        Map<String, CustomFieldValue> fields = new HashMap<>();
        fields.put("favourite_store", new CustomFieldValue.Text("Zürich Löwenstraße – «Flagship»"));
        fields.put("lifetime_value", new CustomFieldValue.Number(new BigDecimal("12345.6789")));
        fields.put("birthday", new CustomFieldValue.Date(LocalDate.of(1984, 2, 29)));
        fields.put("newsletter", new CustomFieldValue.Bool(true));
        return new CustomerDraft(tenantId)
                .displayName("Dr. Zoë Ångström-Øberg")
                .givenName("Zoë")
                .familyName("Ångström-Øberg")
                .organizationName("Šķoda Überseehandel AG")
                .nameKey("angstrom oberg zoe")
                .externalRef("ERP-000042")
                .stage(LifecycleStage.CUSTOMER)
                .ownerId(CustomerGenerators.OWNERS.get(0))
                .tags(Set.of("vip", "newsletter", "Köln"))
                .customFields(fields)
                .createdAt(NOW_MINUS_DAY)
                .updatedAt(ContractSupport.NOW);
    }

    /** An organization. */
    static CustomerDraft organization(String tenantId, String name) {
        return new CustomerDraft(tenantId).kind(PartyKind.ORGANIZATION).displayName(name).organizationName(name);
    }

    /** One day before {@link ContractSupport#NOW}, at microsecond precision. */
    static final Instant NOW_MINUS_DAY = ContractSupport.NOW.minusSeconds(86_400).minusNanos(1_000);

    /** An e-mail contact point of a customer. */
    static ContactPointRecord email(String tenantId, UUID customerId, String address) {
        return new ContactPointRecord(tenantId, UUID.randomUUID(), 1, ContractSupport.NOW, ContractSupport.NOW,
                customerId, ContactPointKind.EMAIL, "work", address, null, false);
    }

    /** A phone contact point of a customer, with no label. */
    static ContactPointRecord phone(String tenantId, UUID customerId, String e164, boolean primary) {
        return new ContactPointRecord(tenantId, UUID.randomUUID(), 1, NOW_MINUS_DAY, ContractSupport.NOW,
                customerId, ContactPointKind.PHONE, null, e164, null, primary);
    }

    /** A postal contact point of a customer, with every address part set. */
    static ContactPointRecord postal(String tenantId, UUID customerId) {
        PostalAddress address = new PostalAddress("Königsallee 1\nHinterhaus", "Düsseldorf", "Nordrhein-Westfalen",
                "40212", "DE");
        return new ContactPointRecord(tenantId, UUID.randomUUID(), 1, ContractSupport.NOW, ContractSupport.NOW,
                customerId, ContactPointKind.POSTAL, "home", "königsallee 1 hinterhaus 40212 düsseldorf de",
                address, true);
    }

    /** A person's role at an organization. */
    static RelationshipRecord relationship(String tenantId, UUID personId, UUID organizationId, String role) {
        return new RelationshipRecord(tenantId, UUID.randomUUID(), 1, NOW_MINUS_DAY, ContractSupport.NOW, personId,
                organizationId, role);
    }

    /** A custom field definition. */
    static CustomFieldDefinitionRecord definition(String tenantId, String key, CustomFieldType type) {
        return new CustomFieldDefinitionRecord(tenantId, UUID.randomUUID(), 1, NOW_MINUS_DAY, ContractSupport.NOW,
                key, "Feld „" + key + "“", type, type == CustomFieldType.BOOLEAN);
    }

    /** A customer under construction; every field starts at a legal default. */
    static final class CustomerDraft {
        private String tenantId;
        private UUID id = UUID.randomUUID();
        private long version = 1;
        private Instant createdAt = ContractSupport.NOW;
        private Instant updatedAt = ContractSupport.NOW;
        private PartyKind kind = PartyKind.PERSON;
        private String displayName = "Jana Nováková";
        private String givenName;
        private String familyName;
        private String organizationName;
        private String nameKey;
        private String externalRef;
        private LifecycleStage stage = LifecycleStage.PROSPECT;
        private UUID ownerId;
        private Set<String> tags = Set.of();
        private Map<String, CustomFieldValue> customFields = Map.of();
        private UUID mergedInto;

        CustomerDraft(String tenantId) {
            this.tenantId = tenantId;
        }

        /** A draft holding every field of a stored record, to change some of them. */
        static CustomerDraft of(CustomerRecord r) {
            CustomerDraft d = new CustomerDraft(r.tenantId());
            d.id = r.id();
            d.version = r.version();
            d.createdAt = r.createdAt();
            d.updatedAt = r.updatedAt();
            d.kind = r.kind();
            d.displayName = r.displayName();
            d.givenName = r.givenName();
            d.familyName = r.familyName();
            d.organizationName = r.organizationName();
            d.nameKey = r.nameKey();
            d.externalRef = r.externalRef();
            d.stage = r.lifecycleStage();
            d.ownerId = r.ownerId();
            d.tags = r.tags();
            d.customFields = r.customFields();
            d.mergedInto = r.mergedInto();
            return d;
        }

        CustomerDraft tenant(String v) {
            tenantId = v;
            return this;
        }

        CustomerDraft id(UUID v) {
            id = v;
            return this;
        }

        CustomerDraft version(long v) {
            version = v;
            return this;
        }

        CustomerDraft createdAt(Instant v) {
            createdAt = v;
            return this;
        }

        CustomerDraft updatedAt(Instant v) {
            updatedAt = v;
            return this;
        }

        CustomerDraft kind(PartyKind v) {
            kind = v;
            return this;
        }

        CustomerDraft displayName(String v) {
            displayName = v;
            return this;
        }

        CustomerDraft givenName(String v) {
            givenName = v;
            return this;
        }

        CustomerDraft familyName(String v) {
            familyName = v;
            return this;
        }

        CustomerDraft organizationName(String v) {
            organizationName = v;
            return this;
        }

        CustomerDraft nameKey(String v) {
            nameKey = v;
            return this;
        }

        CustomerDraft externalRef(String v) {
            externalRef = v;
            return this;
        }

        CustomerDraft stage(LifecycleStage v) {
            stage = v;
            return this;
        }

        CustomerDraft ownerId(UUID v) {
            ownerId = v;
            return this;
        }

        CustomerDraft tags(Set<String> v) {
            tags = v;
            return this;
        }

        CustomerDraft customFields(Map<String, CustomFieldValue> v) {
            customFields = v;
            return this;
        }

        CustomerDraft mergedInto(UUID v) {
            mergedInto = v;
            return this;
        }

        CustomerRecord build() {
            return new CustomerRecord(tenantId, id, version, createdAt, updatedAt, kind, displayName, givenName,
                    familyName, organizationName, nameKey, externalRef, stage, ownerId, tags, customFields, mergedInto);
        }
    }
}
