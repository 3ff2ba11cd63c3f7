package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The batch lookups an import uses instead of one query per row: {@code CustomerStore.existingExternalRefs} and
 * {@code ContactPointStore.existingValues}.
 */
public abstract class BatchLookupContract extends ContractSupport {
    private static final String TENANT = "batch-lookups";
    private static final String OTHER_TENANT = "batch-lookups-other";

    private CustomerRecord customer(String tenant, String externalRef, UUID mergedInto) {
        return new CustomerRecord(tenant, UUID.randomUUID(), 1, NOW, NOW, PartyKind.PERSON, "Lookup Person", null,
                null, null, null, externalRef, LifecycleStage.CUSTOMER, null, Set.of(), Map.of(), mergedInto);
    }

    private ContactPointRecord point(String tenant, UUID customerId, ContactPointKind kind, String value) {
        return new ContactPointRecord(tenant, UUID.randomUUID(), 1, NOW, NOW, customerId, kind, null, value, null, true);
    }

    @Test
    void existing_external_refs_names_exactly_the_stored_ones_merged_included() {
        CustomerRecord survivor = customers().insert(customer(TENANT, "erp-1", null));
        customers().insert(customer(TENANT, "erp-2", survivor.id()));
        customers().insert(customer(OTHER_TENANT, "erp-3", null));

        Set<String> existing = customers().existingExternalRefs(TENANT, List.of("erp-1", "erp-2", "erp-3", "erp-4"));

        assertThat(existing).containsExactlyInAnyOrder("erp-1", "erp-2");
    }

    @Test
    void existing_external_refs_of_an_empty_batch_is_empty() {
        customers().insert(customer(TENANT, "erp-1", null));

        assertThat(customers().existingExternalRefs(TENANT, List.of())).isEmpty();
    }

    @Test
    void existing_external_refs_compares_exactly_case_included() {
        customers().insert(customer(TENANT, "ERP-1", null));

        assertThat(customers().existingExternalRefs(TENANT, List.of("erp-1", "ERP-1 "))).isEmpty();
    }

    @Test
    void existing_external_refs_rejects_more_than_a_thousand_refs() {
        List<String> tooMany = IntStream.range(0, 1001).mapToObj(i -> "erp-" + i).toList();

        assertThatThrownBy(() -> customers().existingExternalRefs(TENANT, tooMany))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void existing_values_names_the_stored_values_of_the_kind_in_the_tenant_only() {
        UUID customer = customers().insert(customer(TENANT, null, null)).id();
        contactPoints().insert(point(TENANT, customer, ContactPointKind.EMAIL, "a@example.com"));
        contactPoints().insert(point(TENANT, customer, ContactPointKind.PHONE, "+4930123"));
        contactPoints().insert(point(OTHER_TENANT, customer, ContactPointKind.EMAIL, "b@example.com"));

        Set<String> existing = contactPoints().existingValues(TENANT, ContactPointKind.EMAIL,
                List.of("a@example.com", "b@example.com", "+4930123", "c@example.com"));

        assertThat(existing).containsExactly("a@example.com");
    }

    @Test
    void existing_values_reports_a_value_shared_by_two_customers_once() {
        UUID first = customers().insert(customer(TENANT, null, null)).id();
        UUID second = customers().insert(customer(TENANT, null, null)).id();
        contactPoints().insert(point(TENANT, first, ContactPointKind.EMAIL, "shared@example.com"));
        contactPoints().insert(point(TENANT, second, ContactPointKind.EMAIL, "shared@example.com"));

        assertThat(contactPoints().existingValues(TENANT, ContactPointKind.EMAIL,
                Collections.nCopies(3, "shared@example.com"))).containsExactly("shared@example.com");
    }

    @Test
    void existing_values_rejects_a_null_value() {
        assertThatThrownBy(() -> contactPoints().existingValues(TENANT, ContactPointKind.EMAIL,
                java.util.Arrays.asList("a@example.com", null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("values[1]");
    }
}
