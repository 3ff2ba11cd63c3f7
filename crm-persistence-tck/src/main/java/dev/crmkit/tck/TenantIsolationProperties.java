package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.Generate.range;

import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.model.customfield.CustomFieldType;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.RelationshipRecord;
import dev.crmkit.spi.customer.SharedValue;
import dev.crmkit.spi.customfield.CustomFieldDefinitionRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Every store call is scoped by its tenant: reads with tenant A never return tenant B's records, and writes
 * with tenant A that name B's ids fail or change nothing in B. Both tenants hold look-alike data (the same
 * external references, name keys, contact values and field keys), so a missing tenant filter shows.
 */
public abstract class TenantIsolationProperties extends ContractSupport {
    private static final int EXAMPLES = 20;
    private static final List<String> EMAILS = List.of("info@müller.de", "sales@example.com", "ceo@örsted.dk");

    /** One tenant's customers with their contact points, relationships and field definitions. */
    record TenantData(String tenantId, List<CustomerRecord> customers, List<ContactPointRecord> contactPoints,
            List<RelationshipRecord> relationships, List<CustomFieldDefinitionRecord> definitions) {

        Set<UUID> customerIds() {
            Set<UUID> ids = new HashSet<>();
            customers.forEach(c -> ids.add(c.id()));
            return ids;
        }

        List<UUID> customerIdList() {
            return customers.stream().map(CustomerRecord::id).toList();
        }
    }

    /** Two to five live customers, each with one or two e-mail points, person-organization links, definitions. */
    private static Gen<TenantData> tenantData() {
        return in -> {
            String tenant = CustomerFixtures.freshTenant();
            int size = range(2, 5).generate(in);
            List<CustomerRecord> customers = new ArrayList<>();
            List<ContactPointRecord> points = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                CustomerRecord c = CustomerFixtures.CustomerDraft.of(CustomerGenerators.customer(tenant).generate(in))
                        .externalRef("ERP-" + i)
                        .nameKey(pick(CustomerGenerators.NAME_KEYS).generate(in))
                        .build();
                customers.add(c);
                int pointCount = range(1, 2).generate(in);
                for (int p = 0; p < pointCount; p++) {
                    points.add(CustomerFixtures.email(tenant, c.id(), pick(EMAILS).generate(in)));
                }
            }
            List<RelationshipRecord> relationships = new ArrayList<>();
            for (int i = 1; i < size; i++) {
                relationships.add(CustomerFixtures.relationship(tenant, customers.get(i).id(), customers.get(0).id(),
                        "employee"));
            }
            List<CustomFieldDefinitionRecord> definitions = List.of(
                    CustomerFixtures.definition(tenant, "segment", CustomFieldType.TEXT),
                    CustomerFixtures.definition(tenant, "revenue", CustomFieldType.NUMBER));
            return new TenantData(tenant, customers, points, relationships, definitions);
        };
    }

    private void store(TenantData data) {
        CustomerStorage s = capability(CustomerStorage.class);
        s.customers().insertAll(data.customers());
        s.contactPoints().insertAll(data.contactPoints());
        data.relationships().forEach(s.relationships()::insert);
        data.definitions().forEach(s.customFieldDefinitions()::insert);
    }

    /** Everything of a tenant as read back through the stores, to compare before and after. */
    private List<Object> snapshot(TenantData data) {
        CustomerStorage s = capability(CustomerStorage.class);
        List<Object> state = new ArrayList<>();
        state.add(new HashSet<>(s.customers().getAll(data.tenantId(), data.customerIdList())));
        state.add(new HashSet<>(s.contactPoints().forCustomers(data.tenantId(), data.customerIdList())));
        Set<RelationshipRecord> relationships = new HashSet<>();
        for (UUID id : data.customerIdList()) {
            relationships.addAll(s.relationships().involving(data.tenantId(), id, 1000));
        }
        state.add(relationships);
        state.add(s.customFieldDefinitions().list(data.tenantId()));
        return state;
    }

    @Test
    void reads_with_one_tenant_never_return_another_tenants_records() {
        qt().withExamples(EXAMPLES).withShrinkCycles(30)
                .forAll(tenantData(), tenantData())
                .checkAssert((a, b) -> {
                    store(a);
                    store(b);
                    CustomerStorage s = capability(CustomerStorage.class);
                    String tenant = a.tenantId();
                    Set<UUID> ours = a.customerIds();

                    for (CustomerRecord theirs : b.customers()) {
                        assertThat(s.customers().get(tenant, theirs.id())).isEmpty();
                    }
                    assertThat(s.customers().getAll(tenant, b.customerIdList())).isEmpty();
                    for (CustomerRecord our : a.customers()) {
                        assertThat(s.customers().findByExternalRef(tenant, our.externalRef())).contains(our);
                        assertThat(s.customers().findByNameKey(tenant, our.nameKey(), 1000))
                                .allSatisfy(c -> assertThat(c.tenantId()).isEqualTo(tenant));
                    }
                    assertThat(s.customers().find(tenant, CustomerCriterion.all(), PageRequest.first(1000)).items())
                            .containsExactlyInAnyOrderElementsOf(a.customers());
                    assertThat(s.customers().count(tenant, CustomerCriterion.all())).isEqualTo(a.customers().size());
                    assertThat(s.customers().sharedNameKeys(tenant, PageRequest.first(1000)).items())
                            .flatExtracting(v -> List.copyOf(v.customerIds())).isSubsetOf(ours);

                    for (ContactPointRecord theirs : b.contactPoints()) {
                        assertThat(s.contactPoints().get(tenant, theirs.id())).isEmpty();
                    }
                    assertThat(s.contactPoints().forCustomers(tenant, b.customerIdList())).isEmpty();
                    for (UUID theirs : b.customerIdList()) {
                        assertThat(s.contactPoints().forCustomer(tenant, theirs)).isEmpty();
                        assertThat(s.relationships().involving(tenant, theirs, 1000)).isEmpty();
                    }
                    for (String email : EMAILS) {
                        assertThat(s.contactPoints().findByValue(tenant, ContactPointKind.EMAIL, email, 1000))
                                .allSatisfy(p -> assertThat(p.tenantId()).isEqualTo(tenant));
                    }
                    List<SharedValue> shared = s.contactPoints()
                            .sharedValues(tenant, ContactPointKind.EMAIL, PageRequest.first(1000)).items();
                    assertThat(shared).flatExtracting(v -> List.copyOf(v.customerIds())).isSubsetOf(ours);

                    for (RelationshipRecord theirs : b.relationships()) {
                        assertThat(s.relationships().get(tenant, theirs.id())).isEmpty();
                    }
                    for (CustomFieldDefinitionRecord theirs : b.definitions()) {
                        assertThat(s.customFieldDefinitions().get(tenant, theirs.id())).isEmpty();
                    }
                    assertThat(s.customFieldDefinitions().list(tenant)).containsExactlyElementsOf(
                            a.definitions().stream().sorted(Comparator
                                    .comparing(CustomFieldDefinitionRecord::key)).toList());
                    assertThat(s.customFieldDefinitions().findByKey(tenant, "segment"))
                            .contains(a.definitions().get(0));
                });
    }

    @Test
    void writes_with_one_tenant_naming_another_tenants_ids_change_nothing_there() {
        qt().withExamples(EXAMPLES).withShrinkCycles(30)
                .forAll(tenantData(), tenantData())
                .checkAssert((a, b) -> {
                    store(a);
                    store(b);
                    CustomerStorage s = capability(CustomerStorage.class);
                    String tenant = a.tenantId();
                    List<Object> before = snapshot(b);
                    List<Object> ourBefore = snapshot(a);

                    for (CustomerRecord theirs : b.customers()) {
                        CustomerRecord forged = CustomerFixtures.CustomerDraft.of(theirs).tenant(tenant)
                                .externalRef(null).displayName("Hijacked").build();
                        assertThatThrownBy(() -> s.customers().update(forged, 1)).isInstanceOf(NotFoundException.class);
                    }
                    for (ContactPointRecord theirs : b.contactPoints()) {
                        ContactPointRecord forged = new ContactPointRecord(tenant, theirs.id(), 1, NOW, NOW,
                                theirs.customerId(), theirs.kind(), "hijacked", theirs.value(), null, true);
                        assertThatThrownBy(() -> s.contactPoints().update(forged, 1))
                                .isInstanceOf(NotFoundException.class);
                        assertThatThrownBy(() -> s.contactPoints().delete(tenant, theirs.id(), 1))
                                .isInstanceOf(NotFoundException.class);
                    }
                    for (RelationshipRecord theirs : b.relationships()) {
                        assertThatThrownBy(() -> s.relationships().delete(tenant, theirs.id(), 1))
                                .isInstanceOf(NotFoundException.class);
                    }
                    for (CustomFieldDefinitionRecord theirs : b.definitions()) {
                        CustomFieldDefinitionRecord forged = new CustomFieldDefinitionRecord(tenant, theirs.id(), 1,
                                NOW, NOW, theirs.key(), "Hijacked", theirs.type(), false);
                        assertThatThrownBy(() -> s.customFieldDefinitions().update(forged, 1))
                                .isInstanceOf(NotFoundException.class);
                    }
                    UUID from = b.customerIdList().get(1);
                    UUID to = b.customerIdList().get(0);
                    assertThat(s.contactPoints().moveAll(tenant, from, to, NOW.plusSeconds(1))).isZero();
                    assertThat(s.relationships().moveAll(tenant, from, to, NOW.plusSeconds(1))).isZero();

                    assertThat(snapshot(b)).isEqualTo(before);
                    assertThat(snapshot(a)).isEqualTo(ourBefore);
                    assertThat(s.customers().getAll(tenant, b.customerIdList())).isEmpty();
                });
    }
}
