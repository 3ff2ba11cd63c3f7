package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.forecast.ForecastStorage;
import dev.crmkit.spi.lead.LeadStorage;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.message.MessageStorage;
import dev.crmkit.spi.opportunity.OpportunityStorage;
import dev.crmkit.spi.team.TeamStorage;
import dev.crmkit.spi.ticket.KnowledgeBaseStorage;
import dev.crmkit.spi.ticket.SatisfactionStorage;
import dev.crmkit.spi.ticket.ServiceReportStorage;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.TicketStorage;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Storage#capability}, {@link Storage#offers} and {@link Storage#with}: how a storage says what
 * it offers, the same for every adapter whatever it offers.
 */
public abstract class CapabilityContract extends ContractSupport {
    private static final List<Class<? extends StorageCapability>> BUILT_IN = List.of(CustomerStorage.class,
            TouchPointStorage.class, TeamStorage.class, LeadStorage.class, OpportunityStorage.class,
            MessageStorage.class, LoyaltyStorage.class, ForecastStorage.class, TicketStorage.class,
            ServiceLevelStorage.class, KnowledgeBaseStorage.class, SatisfactionStorage.class,
            ServiceReportStorage.class);

    /** A capability no adapter offers: a host's own. */
    interface HostCapability extends StorageCapability {
        String name();
    }

    @Test
    void offers_says_exactly_what_capability_finds_and_the_same_object_comes_back_every_time() {
        for (Class<? extends StorageCapability> type : BUILT_IN) {
            checkFoundTheSameEachTime(type);
        }
    }

    private <C extends StorageCapability> void checkFoundTheSameEachTime(Class<C> type) {
        assertThat(storage().offers(type)).as(type.getSimpleName()).isEqualTo(storage().capability(type).isPresent());
        storage().capability(type).ifPresent(found -> {
            assertThat(found).isInstanceOf(type);
            assertThat(storage().capability(type)).containsSame(found);
        });
    }

    @Test
    void a_capability_the_storage_does_not_offer_is_empty_not_an_error() {
        assertThat(storage().capability(HostCapability.class)).isEmpty();
        assertThat(storage().offers(HostCapability.class)).isFalse();
    }

    @Test
    void a_null_capability_type_is_refused_naming_the_argument() {
        assertThatThrownBy(() -> storage().capability(null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("type"));
    }

    @Test
    void with_adds_a_capability_and_keeps_the_core_and_every_other_capability() {
        HostCapability host = () -> "test drives";

        Storage extended = storage().with(HostCapability.class, host);

        assertThat(extended.capability(HostCapability.class)).containsSame(host);
        assertThat(extended.transactions()).isSameAs(storage().transactions());
        assertThat(extended.outbox()).isSameAs(storage().outbox());
        assertThat(extended.dueWork()).isSameAs(storage().dueWork());
        assertThat(extended.idempotency()).isSameAs(storage().idempotency());
        for (Class<? extends StorageCapability> type : BUILT_IN) {
            assertThat(extended.offers(type)).as(type.getSimpleName()).isEqualTo(storage().offers(type));
        }
        assertThat(storage().offers(HostCapability.class)).as("the storage itself is unchanged").isFalse();
    }

    @Test
    void with_refuses_a_null_type_or_capability() {
        HostCapability host = () -> "x";
        assertThatThrownBy(() -> storage().with(null, host))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("type"));
        assertThatThrownBy(() -> storage().with(HostCapability.class, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("capability"));
    }
}
