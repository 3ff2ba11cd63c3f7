package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.PurchaseFixtures.boughtAt;
import static dev.crmkit.tck.PurchaseFixtures.order;
import static dev.crmkit.tck.PurchaseFixtures.returnOf;
import static dev.crmkit.tck.PurchaseFixtures.webOrder;
import static dev.crmkit.tck.TouchPointFixtures.idLeadingWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.PurchaseSummary;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.PurchaseLineRecord;
import dev.crmkit.spi.loyalty.PurchaseRecord;
import dev.crmkit.spi.loyalty.PurchaseReturnRecord;
import dev.crmkit.spi.loyalty.PurchaseStore;
import dev.crmkit.spi.loyalty.ReturnLineRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link PurchaseStore} and its records. */
public abstract class PurchaseStoreContract extends ContractSupport {
    private final UUID jana = UUID.randomUUID();
    private final UUID piotr = UUID.randomUUID();

    private PurchaseStore purchases() {
        return capability(LoyaltyStorage.class).purchases();
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value).setScale(4);
    }

    @Test
    void an_order_with_every_part_reads_back_equal_by_id_and_by_reference_with_amounts_at_scale_four() {
        PurchaseRecord order = order(TENANT, UUID.randomUUID(), jana, "ORD-4711", "EUR", List.of(
                new PurchaseLineRecord("sku-shirt", "apparel", 2, new BigDecimal("59.90")),
                new PurchaseLineRecord("sku-cap", "accessories", 1, new BigDecimal("12.5")),
                new PurchaseLineRecord("sku-gift", "gifts", 3, new BigDecimal("0.0001"))));

        PurchaseRecord stored = purchases().insert(order);

        assertThat(stored).isEqualTo(order);
        assertThat(purchases().get(TENANT, order.id())).contains(order);
        assertThat(purchases().findByOrderReference(TENANT, "ORD-4711")).contains(order);
        assertThat(purchases().get(TENANT, order.id()).orElseThrow().lines()).extracting(PurchaseLineRecord::amount)
                .containsExactly(amount("59.90"), amount("12.5"), amount("0.0001"));
        assertThat(stored.amount()).isEqualTo(amount("72.4001"));
    }

    @Test
    void unknown_ids_and_references_and_other_tenants_find_nothing() {
        PurchaseRecord order = purchases().insert(webOrder(TENANT, jana, "ORD-1"));

        assertThat(purchases().get(TENANT, UUID.randomUUID())).isEmpty();
        assertThat(purchases().get(OTHER_TENANT, order.id())).isEmpty();
        assertThat(purchases().findByOrderReference(OTHER_TENANT, "ORD-1")).isEmpty();
        assertThat(purchases().findByOrderReference(TENANT, "ord-1")).isEmpty();
        assertThat(purchases().findByReturnReference(TENANT, "RET-1")).isEmpty();
    }

    @Test
    void insert_stores_version_one_whatever_the_record_says() {
        PurchaseRecord order = webOrder(TENANT, jana, "ORD-1");
        PurchaseRecord atSeven = new PurchaseRecord(TENANT, order.id(), 7, order.createdAt(), order.updatedAt(), jana,
                order.orderReference(), order.channel(), order.purchasedAt(), order.currency(), order.lines(),
                List.of());

        assertThat(purchases().insert(atSeven).version()).isEqualTo(1);
        assertThat(purchases().get(TENANT, order.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void insert_of_an_order_with_returns_is_refused_and_stores_nothing() {
        PurchaseRecord order = webOrder(TENANT, jana, "ORD-1");
        PurchaseRecord withReturn = order.withReturn(returnOf("RET-1", 1, 1, "29.95"), NOW);

        assertThatThrownBy(() -> purchases().insert(withReturn))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("returns"));
        assertThat(purchases().get(TENANT, order.id())).isEmpty();
    }

    @Test
    void an_existing_id_or_order_reference_throws_duplicate_naming_it_and_keeps_the_first() {
        PurchaseRecord first = purchases().insert(webOrder(TENANT, jana, "ORD-1"));
        PurchaseRecord sameId = order(TENANT, first.id(), piotr, "ORD-2", "EUR", first.lines());
        PurchaseRecord sameReference = webOrder(TENANT, piotr, "ORD-1");

        assertThatThrownBy(() -> purchases().insert(sameId))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThatThrownBy(() -> purchases().insert(sameReference))
                .isInstanceOfSatisfying(DuplicateException.class,
                        e -> assertThat(e.key()).isEqualTo("orderReference"));
        assertThat(purchases().get(TENANT, first.id())).contains(first);
        assertThat(purchases().get(TENANT, sameReference.id())).isEmpty();
        assertThat(purchases().findByOrderReference(TENANT, "ORD-2")).isEmpty();
    }

    @Test
    void an_order_reference_belongs_to_its_tenant() {
        PurchaseRecord here = purchases().insert(webOrder(TENANT, jana, "ORD-1"));
        PurchaseRecord there = purchases().insert(webOrder(OTHER_TENANT, jana, "ORD-1"));

        assertThat(purchases().findByOrderReference(TENANT, "ORD-1")).contains(here);
        assertThat(purchases().findByOrderReference(OTHER_TENANT, "ORD-1")).contains(there);
    }

    @Test
    void add_return_appends_the_return_at_the_next_version_and_keeps_the_order_and_earlier_returns() {
        PurchaseRecord order = purchases().insert(webOrder(TENANT, jana, "ORD-1"));
        PurchaseReturnRecord shirt = returnOf("RET-1", 1, 1, "29.95");
        PurchaseReturnRecord both = new PurchaseReturnRecord(UUID.randomUUID(), "RET-2", NOW.plusSeconds(7200),
                List.of(new ReturnLineRecord(2, 1, new BigDecimal("12.50")),
                        new ReturnLineRecord(1, 1, new BigDecimal("29.95"))));
        Instant later = NOW.plusSeconds(60);

        PurchaseRecord once = purchases().addReturn(TENANT, order.id(), shirt, NOW, 1);
        PurchaseRecord twice = purchases().addReturn(TENANT, order.id(), both, later, 2);

        assertThat(once.version()).isEqualTo(2);
        assertThat(once.returns()).containsExactly(shirt);
        assertThat(twice).isEqualTo(order.withReturn(shirt, NOW).withReturn(both, later));
        assertThat(purchases().get(TENANT, order.id())).contains(twice);
        assertThat(purchases().findByReturnReference(TENANT, "RET-2")).contains(twice);
        assertThat(purchases().findByReturnReference(OTHER_TENANT, "RET-2")).isEmpty();
        assertThat(twice.returnedAmount()).isEqualTo(amount("72.40"));
        assertThat(twice.returns().get(1).lines()).extracting(ReturnLineRecord::lineNumber).containsExactly(1, 2);
    }

    @Test
    void add_return_with_a_stale_version_throws_conflict_and_changes_nothing() {
        PurchaseRecord order = purchases().insert(webOrder(TENANT, jana, "ORD-1"));
        PurchaseRecord returned = purchases().addReturn(TENANT, order.id(), returnOf("RET-1", 1, 1, "29.95"), NOW, 1);

        assertThatThrownBy(() -> purchases().addReturn(TENANT, order.id(), returnOf("RET-2", 2, 1, "12.50"), NOW, 1))
                .isInstanceOf(ConflictException.class);
        assertThat(purchases().get(TENANT, order.id())).contains(returned);
        assertThat(purchases().findByReturnReference(TENANT, "RET-2")).isEmpty();
    }

    @Test
    void add_return_to_a_missing_order_throws_not_found() {
        assertThatThrownBy(() -> purchases().addReturn(TENANT, UUID.randomUUID(), returnOf("RET-1", 1, 1, "1"),
                NOW, 1)).isInstanceOf(NotFoundException.class);
        PurchaseRecord elsewhere = purchases().insert(webOrder(OTHER_TENANT, jana, "ORD-1"));
        assertThatThrownBy(() -> purchases().addReturn(TENANT, elsewhere.id(), returnOf("RET-1", 1, 1, "1"), NOW, 1))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_return_reference_or_return_id_used_on_any_order_of_the_tenant_throws_duplicate_and_changes_nothing() {
        PurchaseRecord first = purchases().insert(webOrder(TENANT, jana, "ORD-1"));
        PurchaseRecord second = purchases().insert(webOrder(TENANT, jana, "ORD-2"));
        PurchaseReturnRecord taken = returnOf("RET-1", 1, 1, "29.95");
        purchases().addReturn(TENANT, first.id(), taken, NOW, 1);
        PurchaseReturnRecord sameId = new PurchaseReturnRecord(taken.id(), "RET-9", NOW, taken.lines());

        assertThatThrownBy(() -> purchases().addReturn(TENANT, second.id(), returnOf("RET-1", 2, 1, "12.50"), NOW, 1))
                .isInstanceOfSatisfying(DuplicateException.class,
                        e -> assertThat(e.key()).isEqualTo("returnReference"));
        assertThatThrownBy(() -> purchases().addReturn(TENANT, second.id(), sameId, NOW, 1))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("returnId"));
        assertThat(purchases().get(TENANT, second.id())).contains(second);
        PurchaseRecord there = purchases().insert(webOrder(OTHER_TENANT, jana, "ORD-1"));
        assertThat(purchases().addReturn(OTHER_TENANT, there.id(), returnOf("RET-1", 1, 1, "1"), NOW, 1).version())
                .isEqualTo(2);
    }

    @Test
    void for_customer_is_newest_first_by_unsigned_id_and_shows_only_that_customer_in_that_tenant() {
        PurchaseRecord low = purchases().insert(order(TENANT, idLeadingWith(0x1), jana, "ORD-1", "EUR",
                webOrder(TENANT, jana, "x").lines()));
        PurchaseRecord high = purchases().insert(order(TENANT, idLeadingWith(0xE), jana, "ORD-2", "EUR",
                webOrder(TENANT, jana, "x").lines()));
        purchases().insert(webOrder(TENANT, piotr, "ORD-3"));
        purchases().insert(webOrder(OTHER_TENANT, jana, "ORD-4"));

        assertThat(purchases().forCustomer(TENANT, jana, PageRequest.first(10)).items()).containsExactly(high, low);
        assertThat(purchases().forCustomer(TENANT, UUID.randomUUID(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void for_customer_pages_neither_skip_nor_repeat_and_carry_each_orders_returns() {
        List<PurchaseRecord> stored = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            stored.add(purchases().insert(webOrder(TENANT, jana, "ORD-" + i)));
        }
        PurchaseRecord returned = purchases().addReturn(TENANT, stored.get(3).id(), returnOf("RET-3", 2, 1, "12.50"),
                NOW, 1);
        stored.set(3, returned);

        List<PurchaseRecord> read = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        int pages = 0;
        while (true) {
            Page<PurchaseRecord> page = purchases().forCustomer(TENANT, jana, request);
            read.addAll(page.items());
            pages++;
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }

        assertThat(read).containsExactlyInAnyOrderElementsOf(stored).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
        assertThat(read).filteredOn(p -> p.id().equals(returned.id())).singleElement().isEqualTo(returned);
    }

    @Test
    void summaries_add_up_orders_and_returns_per_currency_in_currency_order() {
        Instant march = Instant.parse("2026-03-02T10:00:00Z");
        Instant may = Instant.parse("2026-05-17T16:30:00Z");
        PurchaseRecord first = purchases().insert(boughtAt(webOrder(TENANT, jana, "ORD-1"), march));
        purchases().insert(boughtAt(webOrder(TENANT, jana, "ORD-2"), may));
        purchases().insert(order(TENANT, UUID.randomUUID(), jana, "ORD-3", "CHF",
                List.of(new PurchaseLineRecord("sku-knife", "tools", 1, new BigDecimal("80")))));
        purchases().insert(webOrder(TENANT, piotr, "ORD-4"));
        purchases().insert(webOrder(OTHER_TENANT, jana, "ORD-5"));
        purchases().addReturn(TENANT, first.id(), returnOf("RET-1", 1, 1, "29.95"), NOW, 1);

        List<PurchaseSummary> summaries = purchases().summaries(TENANT, jana);

        assertThat(summaries).extracting(PurchaseSummary::currency).containsExactly("CHF", "EUR");
        PurchaseSummary eur = summaries.get(1);
        assertThat(eur.orders()).isEqualTo(2);
        assertThat(eur.firstPurchaseAt()).isEqualTo(march);
        assertThat(eur.lastPurchaseAt()).isEqualTo(may);
        assertThat(eur.spent()).isEqualTo(amount("144.80"));
        assertThat(eur.refunded()).isEqualTo(amount("29.95"));
        assertThat(eur.net()).isEqualTo(amount("114.85"));
        assertThat(summaries.get(0).spent()).isEqualTo(amount("80"));
        assertThat(summaries.get(0).refunded()).isEqualTo(amount("0"));
        assertThat(purchases().summaries(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void summaries_inside_a_unit_include_what_the_unit_stored() {
        List<PurchaseSummary> seen = storage().transactions().inTransaction(() -> {
            purchases().insert(webOrder(TENANT, jana, "ORD-1"));
            return purchases().summaries(TENANT, jana);
        });

        assertThat(seen).singleElement().satisfies(s -> assertThat(s.orders()).isEqualTo(1));
    }

    @Test
    void move_all_moves_a_customers_orders_raising_each_version_and_leaves_others_alone() {
        PurchaseRecord one = purchases().insert(webOrder(TENANT, jana, "ORD-1"));
        PurchaseRecord two = purchases().addReturn(TENANT,
                purchases().insert(webOrder(TENANT, jana, "ORD-2")).id(), returnOf("RET-1", 1, 1, "1"), NOW, 1);
        PurchaseRecord others = purchases().insert(webOrder(TENANT, piotr, "ORD-3"));
        PurchaseRecord elsewhere = purchases().insert(webOrder(OTHER_TENANT, jana, "ORD-4"));
        UUID survivor = UUID.randomUUID();
        Instant later = NOW.plusSeconds(90);

        int moved = purchases().moveAll(TENANT, jana, survivor, later);

        assertThat(moved).isEqualTo(2);
        PurchaseRecord movedTwo = purchases().get(TENANT, two.id()).orElseThrow();
        assertThat(movedTwo.customerId()).isEqualTo(survivor);
        assertThat(movedTwo.version()).isEqualTo(3);
        assertThat(movedTwo.updatedAt()).isEqualTo(later);
        assertThat(movedTwo.returns()).isEqualTo(two.returns());
        assertThat(purchases().get(TENANT, one.id()).orElseThrow().customerId()).isEqualTo(survivor);
        assertThat(purchases().get(TENANT, others.id())).contains(others);
        assertThat(purchases().get(OTHER_TENANT, elsewhere.id())).contains(elsewhere);
        assertThat(purchases().forCustomer(TENANT, jana, PageRequest.first(10)).items()).isEmpty();
        assertThat(purchases().summaries(TENANT, survivor)).singleElement()
                .satisfies(s -> assertThat(s.orders()).isEqualTo(2));
    }

    @Test
    void records_refuse_what_no_backend_could_store_alike_naming_the_component() {
        UUID id = UUID.randomUUID();
        List<PurchaseLineRecord> lines = webOrder(TENANT, jana, "x").lines();

        assertThatThrownBy(() -> order(TENANT, id, jana, "ORD-1", "EUR", List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("lines"));
        assertThatThrownBy(() -> order(TENANT, id, jana, "ORD-1", "eur", lines))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> order(TENANT, id, jana, " ", "EUR", lines))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("orderReference"));
        assertThatThrownBy(() -> new PurchaseLineRecord("sku", "apparel", 0, BigDecimal.ONE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> new PurchaseLineRecord("sku", "apparel", 1, new BigDecimal("-0.01")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> new PurchaseLineRecord("sku", "apparel", 1, new BigDecimal("0.00001")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> new PurchaseReturnRecord(id, "RET-1", NOW, List.of(
                new ReturnLineRecord(1, 1, BigDecimal.ONE), new ReturnLineRecord(1, 1, BigDecimal.ONE))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[1].lineNumber"));
        assertThatThrownBy(() -> new ReturnLineRecord(0, 1, BigDecimal.ONE))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lineNumber"));
    }
}
