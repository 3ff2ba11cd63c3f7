package dev.crmkit.core.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.touchpoint.TimelineFilter;
import dev.crmkit.spi.customer.CustomerRecord;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TenantIsolationTest {
    private final TouchPointFixtures fixtures = new TouchPointFixtures();
    private final TouchPointService acme = fixtures.tenant(TouchPointFixtures.TENANT).service(TouchPointService.class);
    private final TouchPointService globex = fixtures.tenant(TouchPointFixtures.OTHER_TENANT)
            .service(TouchPointService.class);

    @Test
    void one_tenant_never_sees_or_changes_another_tenants_interactions_and_follow_ups() {
        // given globex's customer with an interaction and a follow-up
        CustomerRecord globexCustomer = fixtures.personOf(TouchPointFixtures.OTHER_TENANT, "Gina");
        Interaction call = globex.record(fixtures.serviceCall(globexCustomer.id()).withIdempotencyKey("k-1"));
        FollowUp task = globex.schedule(new ScheduleFollowUp(globexCustomer.id(), "Call back",
                fixtures.clock.instant().plusSeconds(60), "agent-1", call.id()));

        // when / then: acme cannot reach any of it by id
        List<Supplier<?>> reaches = List.of(
                () -> acme.interaction(call.id()),
                () -> acme.timeline(globexCustomer.id(), TimelineFilter.everything(), PageRequest.first(10)),
                () -> acme.outboundMarketingContacts(globexCustomer.id(), 30),
                () -> acme.record(fixtures.serviceCall(globexCustomer.id())),
                () -> acme.schedule(fixtures.callBackTomorrow(globexCustomer.id())),
                () -> acme.followUp(task.id()),
                () -> acme.reassign(task.id(), "agent-2"),
                () -> acme.reschedule(task.id(), Instant.parse("2027-01-01T00:00:00Z")),
                () -> acme.complete(task.id()),
                () -> acme.cancel(task.id()),
                () -> acme.openFollowUps(globexCustomer.id(), PageRequest.first(10)));
        for (Supplier<?> reach : reaches) {
            assertThatThrownBy(reach::get).isInstanceOf(NotFoundException.class);
        }
        assertThat(acme.openFollowUpsOf("agent-1", PageRequest.first(10)).items()).isEmpty();

        // and globex's data is unchanged
        assertThat(globex.followUp(task.id())).isEqualTo(task);
        assertThat(globex.timeline(globexCustomer.id(), TimelineFilter.everything(), PageRequest.first(10)).items())
                .containsExactly(call);
    }

    @Test
    void idempotency_keys_are_scoped_by_tenant() {
        // given
        CustomerRecord acmeCustomer = fixtures.person("Anna");
        CustomerRecord globexCustomer = fixtures.personOf(TouchPointFixtures.OTHER_TENANT, "Gina");

        // when the same key is used in both tenants for different content
        Interaction inAcme = acme.record(fixtures.serviceCall(acmeCustomer.id()).withIdempotencyKey("k-1"));
        Interaction inGlobex = globex.record(fixtures.serviceCall(globexCustomer.id()).withIdempotencyKey("k-1"));

        // then both are recorded
        assertThat(inAcme.id()).isNotEqualTo(inGlobex.id());
        assertThat(inGlobex.customerId()).isEqualTo(globexCustomer.id());
    }
}
