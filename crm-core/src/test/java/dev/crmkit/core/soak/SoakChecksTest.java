package dev.crmkit.core.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.customer.Customer;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.customer.UpdateDetails;
import dev.crmkit.core.soak.SoakChecks.Delivery;
import dev.crmkit.core.soak.SoakChecks.Findings;
import dev.crmkit.core.soak.SoakChecks.Observed;
import dev.crmkit.core.soak.SoakChecks.OutboxRow;
import dev.crmkit.inmemory.InMemoryStorage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The soak test's checks fail on the faults they are there to find. The checks that fail on today's code
 * (order, capacity, contact points) show it in {@link TwoNodeSoakTest} itself; these are the others, fed with what a
 * faulty run would have written down.
 */
class SoakChecksTest {
    private static final String TENANT = "soak-check";

    private final List<String[]> acks = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Map<String, OutboxRow> outbox = new HashMap<>();
    private final Map<String, Long> ranks = new HashMap<>();
    private final Findings findings = new Findings("test", 1);

    @Test
    void an_event_delivered_before_one_of_its_aggregate_that_committed_earlier_is_out_of_order() {
        // given: the update took the lower sequence but committed second, and went out first, in sequence order
        event("e1", "customer.updated", "c1", 2, 10, 100, true);
        event("e2", "customer.contact-point-added", "c1", 1, 20, 200, true);

        // when
        SoakChecks.checkOrder(observed(), findings);

        // then
        assertThat(findings.failed).containsExactly("every aggregate's events delivered in commit order");
    }

    @Test
    void events_delivered_in_commit_order_pass_even_when_their_sequences_are_not() {
        event("e1", "customer.contact-point-added", "c1", 1, 20, 100, true);
        event("e2", "customer.updated", "c1", 2, 10, 200, true);

        SoakChecks.checkOrder(observed(), findings);

        assertThat(findings.failed).isEmpty();
    }

    @Test
    void an_event_never_marked_delivered_or_never_handed_over_fails_the_delivery_check() {
        event("e1", "customer.updated", "c1", 1, 1, 100, false);
        outbox.put("e2", new OutboxRow("customer.updated", "c1", true));

        SoakChecks.checkDelivered(observed(), findings);

        assertThat(findings.failed).containsExactly("every event delivered");
        assertThat(findings.report()).contains("1 not marked delivered, 1 never handed to a listener");
    }

    @Test
    void a_follow_up_that_fired_twice_or_never_fails_the_due_work_check() {
        acks.add(new String[] {"followup", "t1", "0"});
        acks.add(new String[] {"followup", "t2", "0"});
        event("d1", "follow-up.due", "t1", 1, 1, 100, true);
        event("d2", "follow-up.due", "t1", 2, 2, 200, true);

        SoakChecks.checkDueWorkOnce(observed(), findings);

        assertThat(findings.report()).contains("1 never fired, 1 fired more than once");
        assertThat(findings.failed).containsExactly("due work fired exactly once");
    }

    @Test
    void one_event_in_ten_delivered_twice_exceeds_the_duplicate_bound() {
        for (int i = 0; i < 10; i++) {
            event("e" + i, "customer.updated", "c" + i, i, i, 100 + i, true);
        }
        deliveries.add(new Delivery("e3", TENANT, "customer.updated", "customer", "c3", 3, 500, "node-b"));

        SoakChecks.checkDuplicates(observed(), TwoNodeSoakTest.DUPLICATE_BOUND, findings);

        assertThat(findings.report()).contains("1 of 10 events delivered more than once");
        assertThat(findings.failed).hasSize(1);
    }

    @Test
    void an_acknowledged_update_missing_from_the_stored_customer_is_a_lost_change() {
        // given: a customer whose stored name is not the last acknowledged one, and a version acknowledged twice
        Crm crm = Crm.builder().storage(new InMemoryStorage()).build();
        TenantCrm tenant = crm.tenant(TENANT);
        UUID id = tenant.service(CustomerService.class).register(RegisterPerson.named("Ada", "Soak")).customer().id();
        Customer stored = tenant.service(CustomerService.class).updateDetails(UpdateDetails.displayName(id, "Stored"));
        acks.add(new String[] {"customer", id.toString(), Long.toString(stored.version()), "Overwritten"});
        acks.add(new String[] {"customer", id.toString(), Long.toString(stored.version()), "Stored"});
        Properties setup = new Properties();
        setup.setProperty("tenant", TENANT);

        // when
        SoakChecks.checkAcknowledged(crm, setup, observed(), findings);

        // then
        assertThat(findings.failed).containsExactly("no acknowledged change lost");
        assertThat(findings.report()).contains("2 acknowledged changes checked, 2 lost");
    }

    @Test
    void a_repeated_no_op_acknowledgement_of_the_stored_value_is_no_lost_change() {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).build();
        TenantCrm tenant = crm.tenant(TENANT);
        UUID id = tenant.service(CustomerService.class).register(RegisterPerson.named("Ada", "Soak")).customer().id();
        Customer stored = tenant.service(CustomerService.class).updateDetails(UpdateDetails.displayName(id, "Stored"));
        acks.add(new String[] {"customer", id.toString(), Long.toString(stored.version()), "Stored"});
        acks.add(new String[] {"customer", id.toString(), Long.toString(stored.version()), "Stored"});
        Properties setup = new Properties();
        setup.setProperty("tenant", TENANT);

        SoakChecks.checkAcknowledged(crm, setup, observed(), findings);

        assertThat(findings.failed).isEmpty();
    }

    /** An outbox event of aggregate {@code customer/<aggregateId>}, delivered once at {@code micros}. */
    private void event(String id, String type, String aggregateId, long rank, long sequence, long micros,
            boolean delivered) {
        outbox.put(id, new OutboxRow(type, aggregateId, delivered));
        ranks.put(id, rank);
        deliveries.add(new Delivery(id, TENANT, type, "customer", aggregateId, sequence, micros, "node-a"));
    }

    private Observed observed() {
        return new Observed(acks, deliveries, outbox, ranks);
    }
}
