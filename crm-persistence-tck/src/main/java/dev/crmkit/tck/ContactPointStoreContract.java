package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.CustomerFixtures.email;
import static dev.crmkit.tck.CustomerFixtures.phone;
import static dev.crmkit.tck.CustomerFixtures.postal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.ContactPointStore;
import dev.crmkit.spi.customer.SharedValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The promises of {@link ContactPointStore} and {@link ContactPointRecord}. */
public abstract class ContactPointStoreContract extends ContractSupport {
    private final UUID jana = UUID.randomUUID();
    private final UUID piotr = UUID.randomUUID();


    private static ContactPointRecord relabelled(ContactPointRecord p, String label, boolean primary, Instant at) {
        return new ContactPointRecord(p.tenantId(), p.id(), p.version(), p.createdAt(), at, p.customerId(), p.kind(),
                label, p.value(), p.address(), primary);
    }

    @Test
    void contact_points_of_every_kind_read_back_equal() {
        ContactPointRecord mail = email(TENANT, jana, "jana.novakova@příklad.cz");
        ContactPointRecord unlabelled = phone(TENANT, jana, "+420601234567", true);
        ContactPointRecord letter = postal(TENANT, jana);

        List<ContactPointRecord> returned = List.of(contactPoints().insert(mail), contactPoints().insert(unlabelled),
                contactPoints().insert(letter));

        assertThat(returned).containsExactly(mail, unlabelled, letter);
        assertThat(contactPoints().get(TENANT, mail.id())).contains(mail);
        assertThat(contactPoints().get(TENANT, unlabelled.id())).contains(unlabelled);
        assertThat(contactPoints().get(TENANT, letter.id())).contains(letter);
        assertThat(contactPoints().get(TENANT, letter.id()).orElseThrow().address().region())
                .isEqualTo("Nordrhein-Westfalen");
    }

    @Test
    void postal_address_with_only_its_required_parts_reads_back_equal() {
        ContactPointRecord full = postal(TENANT, jana);
        ContactPointRecord sparse = new ContactPointRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, jana,
                ContactPointKind.POSTAL, null, "ул. тверская 1 ru",
                new dev.crmkit.model.customer.PostalAddress("ул. Тверская, 1", null, null, null, "RU"), false);

        contactPoints().insert(sparse);

        assertThat(contactPoints().get(TENANT, sparse.id())).contains(sparse);
        assertThat(contactPoints().get(TENANT, full.id())).isEmpty();
    }

    @Test
    void insert_of_an_existing_id_throws_duplicate_on_id_and_keeps_the_first() {
        ContactPointRecord first = contactPoints().insert(email(TENANT, jana, "jana@example.com"));
        ContactPointRecord second = new ContactPointRecord(TENANT, first.id(), 1, NOW, NOW, piotr,
                ContactPointKind.PHONE, null, "+48221234567", null, false);

        assertThatThrownBy(() -> contactPoints().insert(second))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(contactPoints().get(TENANT, first.id())).contains(first);
    }

    @Test
    void insert_all_stores_the_whole_batch() {
        List<ContactPointRecord> batch = List.of(email(TENANT, jana, "a@example.com"), postal(TENANT, piotr),
                phone(TENANT, piotr, "+48221234567", false));

        contactPoints().insertAll(batch);

        assertThat(contactPoints().forCustomers(TENANT, List.of(jana, piotr))).containsExactlyInAnyOrderElementsOf(batch);
    }

    @Test
    void insert_all_with_a_duplicate_id_stores_nothing_of_the_batch() {
        ContactPointRecord existing = contactPoints().insert(email(TENANT, jana, "jana@example.com"));
        ContactPointRecord fresh = phone(TENANT, piotr, "+48221234567", true);

        assertThatThrownBy(() -> contactPoints().insertAll(List.of(fresh, existing)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(contactPoints().get(TENANT, fresh.id())).isEmpty();
        assertThat(contactPoints().forCustomer(TENANT, piotr)).isEmpty();
    }

    @Test
    void update_raises_the_version_by_one_and_stores_the_change() {
        ContactPointRecord v1 = contactPoints().insert(phone(TENANT, jana, "+4930123456", false));

        ContactPointRecord v2 = contactPoints().update(relabelled(v1, "mobile", true, NOW.plusSeconds(5)), 1);

        ContactPointRecord expected = new ContactPointRecord(TENANT, v1.id(), 2, v1.createdAt(), NOW.plusSeconds(5),
                jana, ContactPointKind.PHONE, "mobile", "+4930123456", null, true);
        assertThat(v2).isEqualTo(expected);
        assertThat(contactPoints().get(TENANT, v1.id())).contains(expected);
    }

    @Test
    void update_with_a_stale_version_throws_conflict_and_changes_nothing() {
        ContactPointRecord v1 = contactPoints().insert(phone(TENANT, jana, "+4930123456", false));
        ContactPointRecord v2 = contactPoints().update(relabelled(v1, "mobile", false, NOW), 1);

        assertThatThrownBy(() -> contactPoints().update(relabelled(v1, "fax", true, NOW), 1))
                .isInstanceOf(ConflictException.class);
        assertThat(contactPoints().get(TENANT, v1.id())).contains(v2);
    }

    @Test
    void update_of_a_missing_contact_point_throws_not_found_and_stores_nothing() {
        ContactPointRecord ghost = email(TENANT, jana, "ghost@example.com");

        assertThatThrownBy(() -> contactPoints().update(ghost, 1)).isInstanceOf(NotFoundException.class);
        assertThat(contactPoints().get(TENANT, ghost.id())).isEmpty();
    }

    @Test
    void delete_at_the_stored_version_removes_the_contact_point() {
        ContactPointRecord kept = contactPoints().insert(email(TENANT, jana, "keep@example.com"));
        ContactPointRecord v1 = contactPoints().insert(email(TENANT, jana, "drop@example.com"));
        contactPoints().update(relabelled(v1, "old", false, NOW), 1);

        contactPoints().delete(TENANT, v1.id(), 2);

        assertThat(contactPoints().get(TENANT, v1.id())).isEmpty();
        assertThat(contactPoints().forCustomer(TENANT, jana)).containsExactly(kept);
    }

    @Test
    void delete_with_a_stale_version_throws_conflict_and_keeps_the_contact_point() {
        ContactPointRecord v1 = contactPoints().insert(email(TENANT, jana, "keep@example.com"));
        ContactPointRecord v2 = contactPoints().update(relabelled(v1, "old", false, NOW), 1);

        assertThatThrownBy(() -> contactPoints().delete(TENANT, v1.id(), 1)).isInstanceOf(ConflictException.class);
        assertThat(contactPoints().get(TENANT, v1.id())).contains(v2);
    }

    @Test
    void delete_of_a_missing_contact_point_throws_not_found() {
        ContactPointRecord kept = contactPoints().insert(email(TENANT, jana, "keep@example.com"));

        assertThatThrownBy(() -> contactPoints().delete(TENANT, UUID.randomUUID(), 1))
                .isInstanceOf(NotFoundException.class);
        assertThat(contactPoints().get(TENANT, kept.id())).contains(kept);
    }

    @Test
    void for_customer_orders_by_kind_then_primary_first_then_id() {
        List<ContactPointRecord> inserted = new ArrayList<>();
        inserted.add(postal(TENANT, jana));
        for (int i = 0; i < 3; i++) {
            inserted.add(phone(TENANT, jana, "+4930000000" + i, false));
            inserted.add(email(TENANT, jana, "jana" + i + "@example.com"));
        }
        inserted.add(phone(TENANT, jana, "+49309999999", true));
        inserted.add(email(TENANT, piotr, "piotr@example.com"));
        inserted.forEach(contactPoints()::insert);

        List<ContactPointRecord> found = contactPoints().forCustomer(TENANT, jana);

        List<ContactPointRecord> expected = inserted.stream().filter(p -> p.customerId().equals(jana))
                .sorted(Comparator.comparing(ContactPointRecord::kind)
                        .thenComparing(ContactPointRecord::primary, Comparator.reverseOrder())
                        .thenComparing(ContactPointRecord::id, Ids.ORDER))
                .toList();
        assertThat(found).containsExactlyElementsOf(expected);
    }

    @Test
    void for_customers_returns_the_contact_points_of_exactly_the_given_customers() {
        UUID someoneElse = UUID.randomUUID();
        ContactPointRecord a = contactPoints().insert(email(TENANT, jana, "jana@example.com"));
        ContactPointRecord b = contactPoints().insert(phone(TENANT, piotr, "+48221234567", true));
        ContactPointRecord c = contactPoints().insert(postal(TENANT, piotr));
        contactPoints().insert(email(TENANT, someoneElse, "other@example.com"));

        assertThat(contactPoints().forCustomers(TENANT, List.of(jana, piotr, UUID.randomUUID())))
                .containsExactlyInAnyOrder(a, b, c);
        assertThat(contactPoints().forCustomers(TENANT, List.of())).isEmpty();
    }

    @Test
    void find_by_value_matches_kind_and_value_exactly_in_id_order_up_to_the_limit() {
        List<ContactPointRecord> matches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            matches.add(contactPoints().insert(email(TENANT, UUID.randomUUID(), "info@müller.de")));
        }
        contactPoints().insert(email(TENANT, jana, "Info@müller.de"));
        contactPoints().insert(email(TENANT, jana, "info@müller.de.example"));
        contactPoints().insert(phone(TENANT, jana, "+4930123456", false));
        contactPoints().insert(new ContactPointRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, piotr,
                ContactPointKind.PHONE, null, "info@müller.de", null, false));
        List<ContactPointRecord> byId = matches.stream()
                .sorted(Comparator.comparing(ContactPointRecord::id, Ids.ORDER)).toList();

        assertThat(contactPoints().findByValue(TENANT, ContactPointKind.EMAIL, "info@müller.de", 10))
                .containsExactlyElementsOf(byId);
        assertThat(contactPoints().findByValue(TENANT, ContactPointKind.EMAIL, "info@müller.de", 3))
                .containsExactlyElementsOf(byId.subList(0, 3));
        assertThat(contactPoints().findByValue(TENANT, ContactPointKind.EMAIL, "nobody@example.com", 10)).isEmpty();
    }

    @Test
    void shared_values_groups_values_of_two_or_more_different_customers_only() {
        UUID anna = UUID.randomUUID();
        contactPoints().insert(email(TENANT, jana, "family@example.com"));
        contactPoints().insert(email(TENANT, piotr, "family@example.com"));
        contactPoints().insert(email(TENANT, piotr, "family@example.com"));
        contactPoints().insert(email(TENANT, anna, "anna@example.com"));
        contactPoints().insert(email(TENANT, anna, "anna@example.com"));
        contactPoints().insert(phone(TENANT, anna, "+4930123456", false));
        contactPoints().insert(phone(TENANT, jana, "+4930123456", false));

        Page<SharedValue> emails = contactPoints().sharedValues(TENANT, ContactPointKind.EMAIL, PageRequest.first(10));
        Page<SharedValue> phones = contactPoints().sharedValues(TENANT, ContactPointKind.PHONE, PageRequest.first(10));

        assertThat(emails.items()).containsExactly(new SharedValue("family@example.com", Set.of(jana, piotr)));
        assertThat(phones.items()).containsExactly(new SharedValue("+4930123456", Set.of(anna, jana)));
        assertThat(contactPoints().sharedValues(TENANT, ContactPointKind.POSTAL, PageRequest.first(10)).items())
                .isEmpty();
    }

    @Test
    void shared_values_pages_through_every_group_once_in_value_order() {
        Map<String, Set<UUID>> expected = new TreeMap<>();
        for (int v = 0; v < 7; v++) {
            String value = "+491700000" + v;
            Set<UUID> owners = IntStream.range(0, 2 + v % 2).mapToObj(i -> UUID.randomUUID())
                    .collect(Collectors.toSet());
            owners.forEach(owner -> contactPoints().insert(phone(TENANT, owner, value, false)));
            expected.put(value, owners);
        }
        contactPoints().insert(phone(TENANT, jana, "+4917099999", false));

        List<SharedValue> all = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (true) {
            Page<SharedValue> page = contactPoints().sharedValues(TENANT, ContactPointKind.PHONE, request);
            all.addAll(page.items());
            assertThat(page.hasNext()).isEqualTo(page.items().size() == 2);
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }

        assertThat(all).extracting(SharedValue::value).containsExactlyElementsOf(expected.keySet());
        assertThat(all.stream().collect(Collectors.toMap(SharedValue::value, SharedValue::customerIds)))
                .isEqualTo(expected);
    }

    @Test
    void move_all_moves_every_contact_point_raising_versions_and_setting_updated_at() {
        ContactPointRecord mail = contactPoints().insert(email(TENANT, jana, "jana@example.com"));
        ContactPointRecord letter = contactPoints().insert(postal(TENANT, jana));
        ContactPointRecord phoneV1 = contactPoints().insert(phone(TENANT, jana, "+4930123456", true));
        ContactPointRecord phoneV2 = contactPoints().update(relabelled(phoneV1, "mobile", true, NOW), 1);
        ContactPointRecord piotrs = contactPoints().insert(email(TENANT, piotr, "piotr@example.com"));
        Instant mergedAt = NOW.plusSeconds(120);

        int moved = contactPoints().moveAll(TENANT, jana, piotr, mergedAt);

        assertThat(moved).isEqualTo(3);
        assertThat(contactPoints().forCustomer(TENANT, jana)).isEmpty();
        assertThat(contactPoints().forCustomer(TENANT, piotr)).containsExactlyInAnyOrder(piotrs,
                mail.movedTo(piotr, 2, mergedAt), letter.movedTo(piotr, 2, mergedAt),
                phoneV2.movedTo(piotr, 3, mergedAt));
    }

    @Test
    void move_all_of_a_customer_without_contact_points_moves_nothing() {
        ContactPointRecord piotrs = contactPoints().insert(email(TENANT, piotr, "piotr@example.com"));

        assertThat(contactPoints().moveAll(TENANT, jana, piotr, NOW)).isZero();
        assertThat(contactPoints().forCustomer(TENANT, piotr)).containsExactly(piotrs);
    }

    @Test
    void the_store_keeps_two_primary_points_of_one_kind_because_that_rule_is_the_cores() {
        ContactPointRecord first = contactPoints().insert(phone(TENANT, jana, "+4930111111", true));
        ContactPointRecord second = contactPoints().insert(phone(TENANT, jana, "+4930222222", true));

        assertThat(contactPoints().forCustomer(TENANT, jana)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void get_of_an_unknown_id_is_empty() {
        contactPoints().insert(email(TENANT, jana, "jana@example.com"));

        assertThat(contactPoints().get(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void find_by_value_accepts_limits_from_1_to_1000_only() {
        ContactPointRecord mail = contactPoints().insert(email(TENANT, jana, "jana@example.com"));

        assertThat(contactPoints().findByValue(TENANT, ContactPointKind.EMAIL, "jana@example.com", 1000))
                .containsExactly(mail);
        for (int limit : new int[] {0, 1001}) {
            assertThatThrownBy(() -> contactPoints().findByValue(TENANT, ContactPointKind.EMAIL, "jana@example.com",
                    limit)).isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("limit"));
        }
    }

    @Test
    void shared_values_rejects_a_cursor_it_did_not_issue() {
        contactPoints().insert(email(TENANT, jana, "family@example.com"));
        contactPoints().insert(email(TENANT, piotr, "family@example.com"));
        PageRequest forged = PageRequest.first(1).next(new Cursor("!!not-base64!!"));

        assertThatThrownBy(() -> contactPoints().sharedValues(TENANT, ContactPointKind.EMAIL, forged))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void generated_contact_points_with_arbitrary_text_read_back_equal() {
        qt().withExamples(30).withShrinkCycles(50)
                .forAll(in -> CustomerGenerators.arbitraryContactPoint(CustomerFixtures.freshTenant()).generate(in))
                .checkAssert(point -> {
                    contactPoints().insert(point);

                    assertThat(contactPoints().get(point.tenantId(), point.id())).contains(point);
                    assertThat(contactPoints().findByValue(point.tenantId(), point.kind(), point.value(), 10))
                            .containsExactly(point);
                });
    }

    @Test
    void insert_all_with_two_points_sharing_an_id_stores_nothing() {
        ContactPointRecord first = email(TENANT, jana, "jana@example.com");
        ContactPointRecord second = new ContactPointRecord(TENANT, first.id(), 1, NOW, NOW, piotr,
                ContactPointKind.PHONE, null, "+48221234567", null, false);

        assertThatThrownBy(() -> contactPoints().insertAll(List.of(first, second)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(contactPoints().forCustomers(TENANT, List.of(jana, piotr))).isEmpty();
    }

    @Test
    void shared_values_pages_give_exactly_the_values_of_two_or_more_different_customers() {
        qt().withExamples(30).withShrinkCycles(50)
                .forAll(lists().of(range(0, 4 * 4 - 1)).ofSizeBetween(0, 14), range(1, 3))
                .checkAssert((codes, pageSize) -> {
                    String tenant = CustomerFixtures.freshTenant();
                    List<UUID> owners = IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID()).toList();
                    List<String> values = List.of("+4930111", "+4930222", "+4930333", "+4930444");
                    Map<String, Set<UUID>> ownersByValue = new TreeMap<>();
                    for (int code : codes) {
                        UUID owner = owners.get(code % 4);
                        String value = values.get(code / 4);
                        contactPoints().insert(phone(tenant, owner, value, false));
                        ownersByValue.computeIfAbsent(value, v -> new HashSet<>()).add(owner);
                    }
                    ownersByValue.values().removeIf(ids -> ids.size() < 2);

                    List<SharedValue> all = new ArrayList<>();
                    PageRequest request = PageRequest.first(pageSize);
                    while (true) {
                        Page<SharedValue> page = contactPoints().sharedValues(tenant, ContactPointKind.PHONE, request);
                        all.addAll(page.items());
                        if (page.next().isEmpty()) {
                            break;
                        }
                        request = request.next(page.next().get());
                    }

                    assertThat(all).extracting(SharedValue::value).containsExactlyElementsOf(ownersByValue.keySet());
                    assertThat(all).allSatisfy(v -> assertThat(v.customerIds()).isEqualTo(ownersByValue.get(v.value())));
                });
    }
}
