package dev.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.EventType;
import dev.crmkit.core.customer.CustomerEvent.CustomerTagged;
import dev.crmkit.core.customer.CustomerModule;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.DuplicatePolicy;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.lead.LeadService;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.core.touchpoint.RecordInteraction;
import dev.crmkit.core.touchpoint.TouchPointModule;
import dev.crmkit.core.touchpoint.TouchPointService;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.NotPermittedException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.model.touchpoint.TimelineFilter;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.TransactionRunner;
import dev.crmkit.spi.customer.ContactPointStore;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.CustomerStore;
import dev.crmkit.spi.customer.RelationshipStore;
import dev.crmkit.spi.customfield.CustomFieldDefinitionStore;
import dev.crmkit.spi.idempotency.IdempotencyStore;
import dev.crmkit.spi.outbox.OutboxStore;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import dev.crmkit.spi.scheduling.DueWorkStore;
import dev.crmkit.spi.touchpoint.InteractionStore;
import dev.crmkit.spi.touchpoint.TaskStore;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * How Crm composes the registered domains: what it checks at build time (storage capabilities, required domains, clashes),
 * running only the domains a host wants, replacing a built-in one, typed reactions, and a host domain's merge part.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DomainModulesTest {
    private static final String TENANT = "acme";

    @Nested
    class At_build_time {
        @Test
        void a_storage_without_a_capability_a_domain_needs_is_refused_naming_both() {
            assertThatThrownBy(() -> Crm.builder().storage(new WebShopStorage(new InMemoryStorage())).build())
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("storage");
                        assertThat(e.getMessage()).containsAnyOf("TeamStorage", "LeadStorage", "OpportunityStorage")
                                .contains("domain needs");
                    });
        }

        @Test
        void a_required_domain_that_is_not_registered_is_named() {
            assertThatThrownBy(() -> Crm.builder().storage(new InMemoryStorage()).modules(new TouchPointModule())
                    .build())
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("modules");
                        assertThat(e.getMessage()).contains("touchpoint domain requires the customer domain");
                    });
        }

        @Test
        void domains_that_require_each_other_are_refused() {
            assertThatThrownBy(() -> Crm.builder().storage(new InMemoryStorage())
                    .modules(new TestModule("test.a", Set.of("test.b"), s -> { }),
                            new TestModule("test.b", Set.of("test.a"), s -> { }))
                    .build())
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.getMessage()).contains("test.a, test.b require each other in a cycle"));
        }

        @Test
        void a_malformed_domain_name_is_refused() {
            assertThatThrownBy(() -> Crm.builder().storage(new InMemoryStorage())
                    .module(new TestModule("Test Drives", Set.of(), s -> { })).build())
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("modules"));
        }

        @Test
        void a_service_type_offered_twice_is_refused_naming_both_domains() {
            assertThatThrownBy(() -> Crm.builder().storage(new InMemoryStorage())
                    .module(new TestModule("test.shadow", Set.of(),
                            s -> s.service(CustomerService.class, tenant -> null)))
                    .build())
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("type");
                        assertThat(e.getMessage()).contains("customer domain").contains("test.shadow domain");
                    });
        }

        @Test
        void an_event_type_name_taken_by_another_domain_is_refused() {
            assertThatThrownBy(() -> Crm.builder().storage(new InMemoryStorage())
                    .module(new TestModule("test.impostor", Set.of(), s -> s.events(Impostor.class))).build())
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("events");
                        assertThat(e.getMessage()).contains("customer.registered").contains("customer domain");
                    });
        }

        @Test
        void an_event_record_without_a_type_name_is_refused() {
            assertThatThrownBy(() -> Crm.builder().storage(new InMemoryStorage())
                    .module(new TestModule("test.nameless", Set.of(), s -> s.events(Nameless.class))).build())
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.getMessage()).contains("has no @EventType"));
        }

        @Test
        void a_domain_is_installed_after_the_domains_it_requires_whatever_order_it_was_given_in() {
            Crm crm = Crm.builder().storage(new InMemoryStorage())
                    .modules(new TestModule("test.late", Set.of("touchpoint"), s -> { }), new TouchPointModule(),
                            new CustomerModule())
                    .build();

            assertThat(crm.modules()).containsExactly("customer", "touchpoint", "test.late");
        }
    }

    @Nested
    class Only_the_domains_a_host_wants {
        private final InMemoryStorage stores = new InMemoryStorage();
        private final Crm shop = Crm.builder().storage(new WebShopStorage(stores))
                .modules(new CustomerModule(), new TouchPointModule()).build();

        @Test
        void a_web_shop_runs_customers_and_touch_points_on_a_storage_that_offers_only_those() {
            TenantCrm tenant = shop.tenant(TENANT);
            UUID anna = tenant.service(CustomerService.class).register(RegisterPerson.named("Anna", "Weber"))
                    .customer().id();
            tenant.service(TouchPointService.class).record(RecordInteraction.of(anna, Channel.WEB, Direction.INBOUND,
                    Purpose.SALES, Instant.now()));

            assertThat(shop.modules()).containsExactly("customer", "touchpoint");
            assertThat(stores.interactions().timeline(TENANT, anna, TimelineFilter.everything(),
                    PageRequest.first(10)).items()).hasSize(1);
        }

        @Test
        void no_service_event_type_or_due_work_handler_of_the_other_domains_is_there() {
            TenantCrm tenant = shop.tenant(TENANT);
            stores.dueWork().schedule(DueWorkRecord.of(TENANT, UUID.randomUUID(), LeadService.FIRST_CONTACT_DUE,
                    "lead-1", Instant.now().minusSeconds(1), null));

            assertThat(tenant.find(LeadService.class)).isEmpty();
            assertThatThrownBy(() -> tenant.service(LeadService.class))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("type");
                        assertThat(e.getMessage()).contains("LeadService")
                                .contains("CustomerService, TouchPointService");
                    });
            assertThat(shop.events().find("lead.captured")).isEmpty();
            assertThat(shop.scheduler().runDueWork().completed()).as("no lead handler runs the lead's work").isZero();
        }
    }

    @Test
    void a_built_in_domain_registered_again_with_other_settings_replaces_the_default_one() {
        Crm crm = Crm.builder().storage(new InMemoryStorage())
                .module(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.BLOCK).build()).build();
        CustomerService customers = crm.tenant(TENANT).service(CustomerService.class);
        customers.register(RegisterPerson.named("Anna", "Weber").withEmail("anna@example.com"));

        assertThatThrownBy(() -> customers.register(RegisterPerson.named("Anna", "Weber")
                .withEmail("anna@example.com"))).isInstanceOf(NotPermittedException.class);
        assertThat(crm.modules()).containsOnlyOnce("customer");
    }

    @Test
    void a_reaction_receives_the_typed_event_after_commit_and_again_when_it_failed() {
        List<CustomerTagged> seen = new ArrayList<>();
        int[] failuresLeft = {1};
        InMemoryStorage storage = new InMemoryStorage();
        Crm crm = Crm.builder().storage(storage).module(new TestModule("test.vip-desk", Set.of("customer"),
                s -> s.on(CustomerTagged.class, (event, tenant) -> {
                    assertThat(tenant.tenantId()).isEqualTo(event.tenantId());
                    seen.add(event);
                    if (failuresLeft[0]-- > 0) {
                        throw new IllegalStateException("the desk is busy");
                    }
                }))).build();
        CustomerService customers = crm.tenant(TENANT).service(CustomerService.class);
        UUID anna = customers.register(RegisterPerson.named("Anna", "Weber")).customer().id();

        customers.tag(anna, "vip");
        crm.relay().relayOnce();
        crm.relay().relayOnce();

        assertThat(seen).hasSize(2).allSatisfy(event -> {
            assertThat(event.customerId()).isEqualTo(anna);
            assertThat(event.tag()).isEqualTo("vip");
        });
        assertThat(storage.outbox().countUndelivered()).isZero();
    }

    @Test
    void a_host_domains_merge_part_moves_its_rows_in_the_merges_unit_and_a_failing_part_undoes_the_merge() {
        InMemoryStorage storage = new InMemoryStorage();
        List<String> moved = new ArrayList<>();
        boolean[] fail = {true};
        Crm crm = Crm.builder().storage(storage).module(new TestModule("test.loyalty", Set.of("customer"),
                s -> s.customerDataPart(merge -> {
                    if (fail[0]) {
                        throw new IllegalStateException("the loyalty ledger is locked");
                    }
                    moved.add(merge.mergedId() + ">" + merge.survivorId() + " by " + merge.actor().id());
                    return Map.of("loyaltyCards", 1);
                }))).build();
        CustomerService customers = crm.tenant(TENANT).service(CustomerService.class);
        UUID survivor = customers.register(RegisterPerson.named("Anna", "Weber")).customer().id();
        UUID merged = customers.register(RegisterPerson.named("Anna", "Weber")).customer().id();
        long outboxBefore = storage.outbox().countUndelivered();

        assertThatThrownBy(() -> customers.merge(survivor, merged, Actor.user("desk-1")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(customers.get(merged).id()).as("nothing merged").isEqualTo(merged);
        assertThat(storage.outbox().countUndelivered()).isEqualTo(outboxBefore);

        fail[0] = false;
        customers.merge(survivor, merged, Actor.user("desk-1"));

        assertThat(moved).containsExactly(merged + ">" + survivor + " by desk-1");
        assertThat(customers.get(merged).id()).isEqualTo(survivor);
    }

    @Test
    void recording_an_event_no_domain_registered_is_a_programming_error() {
        InMemoryStorage storage = new InMemoryStorage();
        DomainContext[] context = new DomainContext[1];
        Crm.builder().storage(storage).module(new TestModule("test.probe", Set.of(), s -> context[0] = s.context()))
                .build();

        assertThatThrownBy(() -> storage.transactions().run(() -> context[0].events().record(
                new Nameless(TENANT, Instant.now())))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not registered");
        assertThat(storage.outbox().countUndelivered()).isZero();
    }

    @Test
    void a_service_factory_that_asks_for_itself_is_stopped() {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).module(new TestModule("test.selfish", Set.of(),
                s -> s.service(Runnable.class, tenant -> tenant.service(Runnable.class)))).build();

        assertThatThrownBy(() -> crm.tenant(TENANT).service(Runnable.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("asks for itself");
    }

    /** A record that claims a built-in event's type name. */
    @EventType("customer.registered")
    record Impostor(String tenantId, Instant occurredAt) implements DomainEvent {
        @Override
        public String aggregateType() {
            return "customer";
        }

        @Override
        public String aggregateId() {
            return "x";
        }
    }

    /** An event record without a type name. */
    record Nameless(String tenantId, Instant occurredAt) implements DomainEvent {
        @Override
        public String aggregateType() {
            return "test";
        }

        @Override
        public String aggregateId() {
            return "x";
        }
    }

    /** A domain of the test's own, installing what the test says. */
    private record TestModule(String name, Set<String> requires, Consumer<DomainSetup> installs)
            implements DomainModule {
        @Override
        public void install(DomainSetup setup) {
            installs.accept(setup);
        }
    }

    /** A third party's storage offering the core, customers and touch points only: what a web shop needs. */
    private static final class WebShopStorage implements Storage, CustomerStorage, TouchPointStorage {
        private final InMemoryStorage stores;

        WebShopStorage(InMemoryStorage stores) {
            this.stores = stores;
        }

        @Override
        public TransactionRunner transactions() {
            return stores.transactions();
        }

        @Override
        public OutboxStore outbox() {
            return stores.outbox();
        }

        @Override
        public DueWorkStore dueWork() {
            return stores.dueWork();
        }

        @Override
        public IdempotencyStore idempotency() {
            return stores.idempotency();
        }

        @Override
        public CustomerStore customers() {
            return stores.customers();
        }

        @Override
        public ContactPointStore contactPoints() {
            return stores.contactPoints();
        }

        @Override
        public dev.crmkit.spi.customer.MatchKeyStore matchKeys() {
            return stores.matchKeys();
        }

        @Override
        public dev.crmkit.spi.customer.DuplicatePairStore duplicatePairs() {
            return stores.duplicatePairs();
        }

        @Override
        public RelationshipStore relationships() {
            return stores.relationships();
        }

        @Override
        public CustomFieldDefinitionStore customFieldDefinitions() {
            return stores.customFieldDefinitions();
        }

        @Override
        public InteractionStore interactions() {
            return stores.interactions();
        }

        @Override
        public TaskStore tasks() {
            return stores.tasks();
        }
    }
}
