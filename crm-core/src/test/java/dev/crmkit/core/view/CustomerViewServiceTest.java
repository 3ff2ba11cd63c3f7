package dev.crmkit.core.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.crmkit.core.common.Money;
import dev.crmkit.core.touchpoint.FollowUp;
import dev.crmkit.core.touchpoint.Garbage;
import dev.crmkit.core.touchpoint.Interaction;
import dev.crmkit.core.touchpoint.RecordInteraction;
import dev.crmkit.core.touchpoint.TouchPointFixtures;
import dev.crmkit.core.touchpoint.TouchPointService;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.RelationshipRecord;
import dev.crmkit.spi.loyalty.PurchaseLineRecord;
import dev.crmkit.spi.loyalty.PurchaseRecord;
import dev.crmkit.spi.loyalty.PurchaseReturnRecord;
import dev.crmkit.spi.loyalty.ReturnLineRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerViewServiceTest {
    private final CountingStorage storage = new CountingStorage(new InMemoryStorage());
    private final TouchPointFixtures fixtures = new TouchPointFixtures(storage);
    private final TouchPointService touchPoints = fixtures.touchPoints();
    private final CustomerViewService views = fixtures.tenant(TouchPointFixtures.TENANT).service(CustomerViewService.class);
    private final CustomerRecord anna = fixtures.person("Anna Schmidt");

    private void email(CustomerRecord customer, String address, boolean primary) {
        Instant now = fixtures.context.now();
        storage.contactPoints().insert(new ContactPointRecord(TouchPointFixtures.TENANT, fixtures.context.ids().next(),
                1, now, now, customer.id(), ContactPointKind.EMAIL, "work", address, null, primary));
    }

    private void worksAt(CustomerRecord person, CustomerRecord organization, String role) {
        Instant now = fixtures.context.now();
        storage.relationships().insert(new RelationshipRecord(TouchPointFixtures.TENANT,
                fixtures.context.ids().next(), 1, now, now, person.id(), organization.id(), role));
    }

    /** A customer with {@code n} of everything: contact points, employers, interactions, follow-ups. */
    private void fillWith(CustomerRecord customer, int n) {
        for (int i = 0; i < n; i++) {
            email(customer, "a" + i + "@example.com", i == 0);
            worksAt(customer, fixtures.organization("Org " + i), "buyer");
            touchPoints.record(RecordInteraction.of(customer.id(), Channel.values()[i % Channel.values().length],
                    Direction.INBOUND, Purpose.SERVICE, TouchPointFixtures.START.minusSeconds(i)));
            touchPoints.schedule(fixtures.callBackTomorrow(customer.id()));
        }
    }

    @Test
    void view_gathers_profile_contact_points_relationships_follow_ups_channels_and_timeline() {
        // given
        CustomerRecord acme = fixtures.organization("ACME GmbH");
        worksAt(anna, acme, "decision maker");
        email(anna, "anna@example.com", true);
        Interaction oldCall = touchPoints.record(RecordInteraction.of(anna.id(), Channel.PHONE, Direction.INBOUND,
                Purpose.SERVICE, TouchPointFixtures.START.minus(Duration.ofDays(3))));
        Interaction newCall = touchPoints.record(RecordInteraction.of(anna.id(), Channel.PHONE, Direction.OUTBOUND,
                Purpose.SALES, TouchPointFixtures.START.minus(Duration.ofDays(1))));
        Interaction mail = touchPoints.record(fixtures.newsletter(anna.id(), TouchPointFixtures.START
                .minus(Duration.ofDays(2))));
        FollowUp open = touchPoints.schedule(fixtures.callBackTomorrow(anna.id()));
        touchPoints.complete(touchPoints.schedule(fixtures.callBackTomorrow(anna.id())).id());

        // when
        CustomerView view = views.view(anna.id());

        // then
        assertThat(view.profile().id()).isEqualTo(anna.id());
        assertThat(view.profile().displayName()).isEqualTo("Anna Schmidt");
        assertThat(view.contactPoints()).singleElement().satisfies(cp -> {
            assertThat(cp.value()).isEqualTo("anna@example.com");
            assertThat(cp.primary()).isTrue();
        });
        assertThat(view.relationships()).singleElement().satisfies(r -> {
            assertThat(r.counterpartId()).isEqualTo(acme.id());
            assertThat(r.counterpartName()).isEqualTo("ACME GmbH");
            assertThat(r.role()).isEqualTo("decision maker");
            assertThat(r.customerIsPerson()).isTrue();
        });
        assertThat(view.openFollowUps()).containsExactly(open);
        assertThat(view.moreOpenFollowUps()).isFalse();
        assertThat(view.channels()).containsExactly(
                new CustomerView.ChannelContact(Channel.PHONE, 2, newCall.occurredAt()),
                new CustomerView.ChannelContact(Channel.EMAIL, 1, mail.occurredAt()));
        assertThat(view.timeline().items()).containsExactly(newCall, mail, oldCall);
        assertThat(view.timeline().hasNext()).isFalse();
    }

    @Test
    void organization_view_shows_its_people() {
        CustomerRecord acme = fixtures.organization("ACME GmbH");
        worksAt(anna, acme, "buyer");

        assertThat(views.view(acme.id()).relationships()).singleElement().satisfies(r -> {
            assertThat(r.counterpartName()).isEqualTo("Anna Schmidt");
            assertThat(r.customerIsPerson()).isFalse();
        });
    }

    @Test
    void view_costs_the_same_bounded_number_of_store_calls_whatever_the_data() {
        // given a customer with nothing and one with plenty of everything
        CustomerRecord empty = fixtures.person("Empty");
        fillWith(anna, 30);

        // when
        storage.reset();
        CustomerView full = views.view(anna.id());
        List<String> fullCalls = storage.calls();
        storage.reset();
        views.view(empty.id());
        List<String> emptyCalls = storage.calls();

        // then
        assertThat(full.relationships()).hasSize(30);
        assertThat(full.timeline().items()).hasSize(CustomerViewService.DEFAULT_TIMELINE_SIZE);
        assertThat(fullCalls).hasSize(CustomerViewService.STORE_CALLS).containsExactlyInAnyOrder(
                "customers.get", "contactPoints.forCustomer", "relationships.involving", "customers.getAll",
                "tasks.openForCustomer", "interactions.activityByChannel", "leads.convertedInto",
                "purchases.summaries", "duplicatePairs.open", "interactions.timeline");
        assertThat(emptyCalls).hasSizeLessThanOrEqualTo(CustomerViewService.STORE_CALLS);
    }

    @Test
    void view_shows_what_the_customer_bought_per_currency_with_returns_taken_off() {
        // given two orders in EUR, one partly returned, and one in CHF, straight into storage
        Instant at = fixtures.context.now();
        PurchaseRecord first = storage.purchases().insert(new PurchaseRecord(TouchPointFixtures.TENANT,
                UUID.randomUUID(), 1, at, at, anna.id(), "ORD-1", "web", at.minusSeconds(60), "EUR",
                List.of(new PurchaseLineRecord("sku-shirt", "apparel", 2, new BigDecimal("59.90"))), List.of()));
        storage.purchases().insert(new PurchaseRecord(TouchPointFixtures.TENANT, UUID.randomUUID(), 1, at, at,
                anna.id(), "ORD-2", "web", at, "EUR",
                List.of(new PurchaseLineRecord("sku-cap", "accessories", 1, new BigDecimal("12.50"))), List.of()));
        storage.purchases().insert(new PurchaseRecord(TouchPointFixtures.TENANT, UUID.randomUUID(), 1, at, at,
                anna.id(), "ORD-3", "store", at, "CHF",
                List.of(new PurchaseLineRecord("sku-knife", "tools", 1, new BigDecimal("80"))), List.of()));
        storage.purchases().addReturn(TouchPointFixtures.TENANT, first.id(), new PurchaseReturnRecord(
                UUID.randomUUID(), "RET-1", at, List.of(new ReturnLineRecord(1, 1, new BigDecimal("29.95")))), at, 1);

        // when
        List<CustomerView.PurchaseTotals> purchases = views.view(anna.id()).purchases();

        // then
        assertThat(purchases).extracting(p -> p.net().currencyCode()).containsExactly("CHF", "EUR");
        assertThat(purchases.get(1).orders()).isEqualTo(2);
        assertThat(purchases.get(1).lastPurchaseAt()).isEqualTo(at);
        assertThat(purchases.get(1).firstPurchaseAt()).isEqualTo(at.minusSeconds(60));
        assertThat(purchases.get(1).spent()).isEqualTo(Money.of("72.40", "EUR"));
        assertThat(purchases.get(1).net()).isEqualTo(Money.of("42.45", "EUR"));
        assertThat(views.view(fixtures.person("Nobody").id()).purchases()).isEmpty();
    }

    @Test
    void merged_customer_id_shows_the_survivor_at_one_more_call() {
        // given
        CustomerRecord duplicate = fixtures.mergedInto(anna);
        fillWith(anna, 3);

        // when
        storage.reset();
        CustomerView view = views.view(duplicate.id());

        // then
        assertThat(view.profile().id()).isEqualTo(anna.id());
        assertThat(storage.calls()).hasSize(CustomerViewService.STORE_CALLS + 1);
    }

    @Test
    void view_of_an_unknown_or_other_tenants_customer_is_not_found() {
        CustomerRecord stranger = fixtures.personOf(TouchPointFixtures.OTHER_TENANT, "Gina");
        assertThatThrownBy(() -> views.view(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> views.view(stranger.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void view_with_garbage_throws_only_crm_exceptions() {
        List<UUID> known = List.of(anna.id());
        qt().withExamples(300).forAll(Garbage.PICKS).checkAssert(picks -> {
            Garbage g = Garbage.of(picks, known);
            Garbage.assertSafe(() -> storage.outbox().countUndelivered(), () -> views.view(g.id(0), g.number(1)));
            Garbage.assertSafe(() -> storage.outbox().countUndelivered(), () -> views.view(g.id(0)));
            Garbage.assertSafe(() -> 0, () -> fixtures.tenant(g.text(0)).service(CustomerViewService.class));
        });
    }
}
