package dev.crmkit.core.customer;

import static dev.crmkit.model.customer.LifecycleStage.CUSTOMER;
import static dev.crmkit.model.customer.LifecycleStage.FORMER_CUSTOMER;
import static dev.crmkit.model.customer.LifecycleStage.PROSPECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.IllegalTransitionException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private final CustomerService customers = CustomerFixtures.world().customers();

    private UUID prospect() {
        return customers.register(CustomerFixtures.webShopPerson()).customer().id();
    }

    @Test
    void prospect_becomes_customer_then_former_customer_then_customer_again() {
        UUID anna = prospect();

        assertThat(customers.changeStage(anna, CUSTOMER).lifecycleStage()).isEqualTo(CUSTOMER);
        assertThat(customers.changeStage(anna, FORMER_CUSTOMER).lifecycleStage()).isEqualTo(FORMER_CUSTOMER);
        assertThat(customers.changeStage(anna, CUSTOMER).lifecycleStage()).isEqualTo(CUSTOMER);
    }

    @Test
    void prospect_cannot_become_former_customer_and_the_error_names_both_stages() {
        UUID anna = prospect();

        assertThatThrownBy(() -> customers.changeStage(anna, FORMER_CUSTOMER))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo("PROSPECT");
                    assertThat(e.to()).isEqualTo("FORMER_CUSTOMER");
                });
        assertThat(customers.get(anna).lifecycleStage()).isEqualTo(PROSPECT);
    }

    @Test
    void former_customer_never_becomes_prospect_again() {
        UUID anna = prospect();
        customers.changeStage(anna, CUSTOMER);
        customers.changeStage(anna, FORMER_CUSTOMER);

        assertThatThrownBy(() -> customers.changeStage(anna, PROSPECT)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void staying_in_the_same_stage_is_not_a_transition() {
        UUID anna = prospect();

        assertThatThrownBy(() -> customers.changeStage(anna, PROSPECT)).isInstanceOf(IllegalTransitionException.class);
    }
}
