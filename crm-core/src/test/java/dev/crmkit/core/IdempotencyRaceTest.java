package dev.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterOrganization;
import dev.crmkit.core.opportunity.OpenOpportunity;
import dev.crmkit.core.opportunity.Opportunity;
import dev.crmkit.core.opportunity.OpportunityService;
import dev.crmkit.core.touchpoint.FollowUp;
import dev.crmkit.core.touchpoint.ScheduleFollowUp;
import dev.crmkit.core.touchpoint.TouchPointService;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.opportunity.OpportunityFilter;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.idempotency.IdempotencyStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Two nodes receive the same keyed command at once: this node looks the key up and finds nothing, because the other
 * node has not committed yet; by the time this node records the key, the other has. The real in-memory storage, with
 * "the other node" running the same command just after this node's lookup.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IdempotencyRaceTest {
    private static final String TENANT = "acme";
    private static final Actor ANA = Actor.user("ana");

    private final InMemoryStorage real = new InMemoryStorage();
    private final TenantCrm otherNode = Crm.builder().storage(real).build().tenant(TENANT);
    private Runnable onFirstLookup;

    /** The storage, running {@link #onFirstLookup} (once) right after the next idempotency-key lookup. */
    private Storage racing() {
        IdempotencyStore keys = (IdempotencyStore) Proxy.newProxyInstance(IdempotencyStore.class.getClassLoader(),
                new Class<?>[] {IdempotencyStore.class}, (proxy, method, args) -> {
                    Object result = forward(method, real.idempotency(), args);
                    if (method.getName().equals("findAll") && onFirstLookup != null) {
                        Runnable race = onFirstLookup;
                        onFirstLookup = null;
                        race.run();
                    }
                    return result;
                });
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> method.getName().equals("idempotency") ? keys : forward(method, real, args));
    }

    private static Object forward(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private final TenantCrm thisNode = Crm.builder().storage(racing()).build().tenant(TENANT);
    private final UUID customer = otherNode.service(CustomerService.class).register(RegisterOrganization.named("Globex")).customer().id();

    @Test
    void a_deal_opened_by_the_other_node_meanwhile_is_returned_and_none_is_opened_here() {
        OpenOpportunity command = OpenOpportunity.of(customer, "Web shop relaunch");
        Opportunity[] theirs = new Opportunity[1];
        onFirstLookup = () -> theirs[0] = otherNode.service(OpportunityService.class).open(command, ANA, "deal-form-7");

        Opportunity mine = thisNode.service(OpportunityService.class).open(command, ANA, "deal-form-7");

        assertThat(theirs[0]).isNotNull();
        assertThat(mine.id()).isEqualTo(theirs[0].id());
        assertThat(real.opportunities().find(TENANT, OpportunityFilter.all(), PageRequest.first(10)).items())
                .hasSize(1);
    }

    @Test
    void a_follow_up_scheduled_by_the_other_node_meanwhile_is_returned_and_none_is_scheduled_here() {
        ScheduleFollowUp command = ScheduleFollowUp.of(customer, "Call back", Instant.now().plusSeconds(3600));
        FollowUp[] theirs = new FollowUp[1];
        onFirstLookup = () -> theirs[0] = otherNode.service(TouchPointService.class).schedule(command, "call-back-form-3");

        FollowUp mine = thisNode.service(TouchPointService.class).schedule(command, "call-back-form-3");

        assertThat(theirs[0]).isNotNull();
        assertThat(mine.id()).isEqualTo(theirs[0].id());
        assertThat(otherNode.service(TouchPointService.class).openFollowUps(customer, PageRequest.first(10)).items())
                .extracting(FollowUp::id).containsExactly(mine.id());
    }
}
