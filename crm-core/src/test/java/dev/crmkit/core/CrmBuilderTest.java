package dev.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.customer.CustomerModule;
import dev.crmkit.core.customer.DuplicatePolicy;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.ValidationException;
import org.junit.jupiter.api.Test;

class CrmBuilderTest {

    private static void assertRejects(Crm.Builder builder, String field) {
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void storage_is_required() {
        assertRejects(Crm.builder(), "storage");
    }

    @Test
    void unknown_phone_region_is_rejected() {
        assertRejects(Crm.builder().storage(new InMemoryStorage()).defaultPhoneRegion("Germany"), "defaultPhoneRegion");
    }

    @Test
    void null_clock_and_node_id_are_rejected() {
        assertRejects(Crm.builder().storage(new InMemoryStorage()).clock(null), "clock");
        assertRejects(Crm.builder().storage(new InMemoryStorage()).nodeId(" "), "nodeId");
    }

    @Test
    void the_customer_domains_settings_are_checked_where_they_are_given() {
        assertThatThrownBy(() -> CustomerModule.builder().duplicatePolicy((DuplicatePolicy) null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("duplicatePolicy"));
        assertThatThrownBy(() -> CustomerModule.builder().importBatchSize(0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("importBatchSize"));
        assertThatThrownBy(() -> CustomerModule.builder().importBatchSize(1001))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("importBatchSize"));
    }

    @Test
    void tenant_handle_is_bound_to_a_valid_tenant_id() {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).defaultPhoneRegion("DE").build();

        assertThat(crm.tenant("acme").tenantId()).isEqualTo("acme");
        assertThatThrownBy(() -> crm.tenant("no spaces")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> crm.tenant(null)).isInstanceOf(ValidationException.class);
    }
}
