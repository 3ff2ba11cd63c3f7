package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.Cursor;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.CustomerRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Keyset paging through customers: whatever the page size, and while other customers are inserted between
 * page reads, a reader sees every customer that existed throughout exactly once, in {@link Ids#ORDER}.
 */
public abstract class CustomerPagingProperties extends ContractSupport {
    private static final int EXAMPLES = 30;


    private CustomerRecord insertProspect(String tenantId) {
        return customers().insert(CustomerFixtures.bareProspect(tenantId).build());
    }

    @Test
    void pages_neither_skip_nor_repeat_customers_while_others_are_inserted() {
        qt().withExamples(EXAMPLES).withShrinkCycles(50)
                .forAll(range(0, 20), range(1, 7), lists().of(range(0, 3)).ofSizeBetween(0, 8))
                .checkAssert((initialCount, pageSize, insertsBetweenReads) -> {
                    String tenant = CustomerFixtures.freshTenant();
                    Set<UUID> existing = new HashSet<>();
                    for (int i = 0; i < initialCount; i++) {
                        existing.add(insertProspect(tenant).id());
                    }

                    List<UUID> seen = new ArrayList<>();
                    PageRequest request = PageRequest.first(pageSize);
                    int read = 0;
                    while (true) {
                        Page<CustomerRecord> page = customers().find(tenant, CustomerCriterion.all(), request);
                        page.items().forEach(c -> seen.add(c.id()));
                        assertThat(page.hasNext()).as("next present exactly on a full page")
                                .isEqualTo(page.items().size() == pageSize);
                        if (page.next().isEmpty()) {
                            break;
                        }
                        int inserts = read < insertsBetweenReads.size() ? insertsBetweenReads.get(read) : 0;
                        for (int i = 0; i < inserts; i++) {
                            insertProspect(tenant);
                        }
                        read++;
                        request = request.next(page.next().get());
                    }

                    assertThat(seen).as("ids in order, none repeated").isSortedAccordingTo(Ids.ORDER)
                            .doesNotHaveDuplicates();
                    assertThat(seen).as("every customer that existed throughout").containsAll(existing);
                });
    }

    @Test
    void pages_follow_the_unsigned_id_order_even_for_ids_with_the_top_bit_set() {
        qt().withExamples(EXAMPLES).withShrinkCycles(50)
                .forAll(lists().of(range(0, 15)).ofSizeBetween(1, 8), range(1, 4))
                .checkAssert((nibbles, pageSize) -> {
                    String tenant = CustomerFixtures.freshTenant();
                    Set<UUID> ids = new HashSet<>();
                    for (int nibble : nibbles) {
                        // Leading nibbles 8 to f are negative as signed longs: UUID.compareTo would misorder them.
                        UUID id = new UUID(((long) nibble << 60) | (UUID.randomUUID().getMostSignificantBits() >>> 4),
                                UUID.randomUUID().getLeastSignificantBits());
                        if (ids.add(id)) {
                            customers().insert(CustomerFixtures.bareProspect(tenant).id(id).build());
                        }
                    }

                    List<UUID> seen = new ArrayList<>();
                    PageRequest request = PageRequest.first(pageSize);
                    while (true) {
                        Page<CustomerRecord> page = customers().find(tenant, CustomerCriterion.all(), request);
                        page.items().forEach(c -> seen.add(c.id()));
                        if (page.next().isEmpty()) {
                            break;
                        }
                        request = request.next(page.next().get());
                    }

                    assertThat(seen).isEqualTo(ids.stream().sorted(Ids.ORDER).toList());
                });
    }

    @Test
    void a_full_last_page_is_followed_by_an_empty_page_without_next() {
        qt().withExamples(EXAMPLES).withShrinkCycles(50)
                .forAll(range(1, 4), range(1, 3))
                .checkAssert((pageSize, fullPages) -> {
                    String tenant = CustomerFixtures.freshTenant();
                    for (int i = 0; i < pageSize * fullPages; i++) {
                        insertProspect(tenant);
                    }

                    PageRequest request = PageRequest.first(pageSize);
                    for (int i = 0; i < fullPages; i++) {
                        Page<CustomerRecord> page = customers().find(tenant, CustomerCriterion.all(), request);
                        assertThat(page.items()).hasSize(pageSize);
                        request = request.next(page.next().orElseThrow());
                    }
                    Page<CustomerRecord> end = customers().find(tenant, CustomerCriterion.all(), request);

                    assertThat(end.items()).isEmpty();
                    assertThat(end.next()).isEmpty();
                });
    }

    @Test
    void a_tampered_cursor_is_rejected_as_a_validation_error_on_the_cursor() {
        String tenant = CustomerFixtures.freshTenant();
        for (int i = 0; i < 3; i++) {
            insertProspect(tenant);
        }
        Cursor issued = customers().find(tenant, CustomerCriterion.all(), PageRequest.first(1)).next().orElseThrow();
        String token = issued.token();
        List<Cursor> tampered = List.of(
                new Cursor("!!not-base64!!"),
                new Cursor(token.substring(0, token.length() - 2)),
                new Cursor(token + "x"),
                Cursor.of(List.of("a", "b", "c", "d", "e")));

        for (Cursor cursor : tampered) {
            assertThatThrownBy(() -> customers().find(tenant, CustomerCriterion.all(),
                    PageRequest.first(1).next(cursor)))
                    .as("cursor %s", cursor.token())
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }

    @Test
    void shared_name_keys_rejects_a_cursor_it_did_not_issue() {
        String tenant = CustomerFixtures.freshTenant();
        customers().insert(CustomerFixtures.bareProspect(tenant).nameKey("smith john").build());
        customers().insert(CustomerFixtures.bareProspect(tenant).nameKey("smith john").build());
        PageRequest forged = PageRequest.first(1).next(new Cursor("!!not-base64!!"));

        assertThatThrownBy(() -> customers().sharedNameKeys(tenant, forged))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
}
