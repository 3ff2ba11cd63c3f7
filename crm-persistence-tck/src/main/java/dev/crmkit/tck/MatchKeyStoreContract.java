package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.range;

import dev.crmkit.model.Cursor;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.MatchKeyRecord;
import dev.crmkit.spi.customer.MatchKeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The promises of {@link MatchKeyStore} and {@link MatchKeyRecord}. */
public abstract class MatchKeyStoreContract extends ContractSupport {
    private final UUID anna = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();
    private final UUID clara = UUID.randomUUID();

    private MatchKeyStore keys() {
        return capability(CustomerStorage.class).matchKeys();
    }

    private List<MatchKeyRecord> all(String tenant, List<String> wanted) {
        List<MatchKeyRecord> rows = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<MatchKeyRecord> page = keys().find(tenant, wanted, request);
            rows.addAll(page.items());
            if (!page.hasNext()) {
                return rows;
            }
            request = request.next(page.next().orElseThrow());
        }
    }

    private static void assertRejected(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void find_returns_the_holders_of_the_keys_asked_for_by_key_and_then_by_customer_id() {
        keys().replace(TENANT, anna, Set.of("p:MLR a", "d:1980-02-03"));
        keys().replace(TENANT, ben, Set.of("p:MLR a"));
        keys().replace(TENANT, clara, Set.of("p:SMT c", "d:1980-02-03"));
        keys().replace(OTHER_TENANT, UUID.randomUUID(), Set.of("p:MLR a"));

        List<MatchKeyRecord> found = all(TENANT, List.of("p:MLR a", "d:1980-02-03", "p:unknown"));

        assertThat(found).extracting(MatchKeyRecord::tenantId).containsOnly(TENANT);
        assertThat(found.stream().filter(r -> r.key().equals("p:MLR a")).map(MatchKeyRecord::customerId))
                .containsExactlyElementsOf(sorted(anna, ben));
        assertThat(found.stream().filter(r -> r.key().equals("d:1980-02-03")).map(MatchKeyRecord::customerId))
                .containsExactlyElementsOf(sorted(anna, clara));
        assertThat(found).hasSize(4);
        List<String> keyOrder = found.stream().map(MatchKeyRecord::key).distinct().toList();
        assertThat(found.stream().map(MatchKeyRecord::key).toList())
                .as("rows of one key are adjacent").isEqualTo(found.stream().map(MatchKeyRecord::key)
                        .sorted(Comparator.comparingInt(keyOrder::indexOf)).toList());
        assertThat(keys().find(TENANT, List.of(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void replace_replaces_every_key_of_the_customer_and_an_empty_set_removes_them() {
        keys().replace(TENANT, anna, Set.of("n:mueller a", "p:MLR a"));
        keys().replace(TENANT, ben, Set.of("n:mueller a"));

        keys().replace(TENANT, anna, Set.of("n:mueller a", "s:AN MLR"));

        assertThat(all(TENANT, List.of("p:MLR a"))).isEmpty();
        assertThat(all(TENANT, List.of("s:AN MLR"))).extracting(MatchKeyRecord::customerId).containsExactly(anna);
        keys().replace(TENANT, anna, Set.of());
        keys().replace(TENANT, anna, Set.of());
        assertThat(all(TENANT, List.of("n:mueller a", "s:AN MLR"))).extracting(MatchKeyRecord::customerId)
                .containsExactly(ben);
    }

    @Test
    void replace_all_writes_a_batch_and_a_bad_key_in_it_changes_nothing() {
        keys().replaceAll(TENANT, Map.of(anna, Set.of("k:1"), ben, Set.of("k:1", "k:2")));
        Map<UUID, Set<String>> bad = new LinkedHashMap<>();
        bad.put(clara, Set.of("k:1"));
        bad.put(anna, Set.of(" "));

        assertThatThrownBy(() -> keys().replaceAll(TENANT, bad)).isInstanceOf(ValidationException.class);

        assertThat(all(TENANT, List.of("k:1", "k:2"))).extracting(MatchKeyRecord::key, MatchKeyRecord::customerId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("k:1", anna),
                        org.assertj.core.groups.Tuple.tuple("k:1", ben), org.assertj.core.groups.Tuple.tuple("k:2", ben));
        keys().replaceAll(TENANT, Map.of());
    }

    @Test
    void insert_all_gives_customers_without_keys_the_keys_replace_all_would() {
        keys().replace(TENANT, clara, Set.of("k:1", "k:3"));
        Map<UUID, Set<String>> batch = new LinkedHashMap<>();
        batch.put(anna, Set.of("k:1", "k:2"));
        batch.put(ben, Set.of("k:2"));
        batch.put(UUID.randomUUID(), Set.of());

        keys().insertAll(TENANT, batch);
        keys().insertAll(TENANT, Map.of());

        assertThat(all(TENANT, List.of("k:1", "k:2", "k:3"))).extracting(MatchKeyRecord::key,
                MatchKeyRecord::customerId).containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("k:1", anna),
                org.assertj.core.groups.Tuple.tuple("k:2", anna), org.assertj.core.groups.Tuple.tuple("k:2", ben),
                org.assertj.core.groups.Tuple.tuple("k:1", clara), org.assertj.core.groups.Tuple.tuple("k:3", clara));
        keys().replace(TENANT, anna, Set.of("k:3"));
        assertThat(all(TENANT, List.of("k:1", "k:2", "k:3")).stream().filter(r -> r.customerId().equals(anna))
                .map(MatchKeyRecord::key)).as("inserted keys are replaced like any others").containsExactly("k:3");
    }

    @Test
    void insert_all_with_a_bad_key_or_a_rolled_back_unit_stores_nothing() {
        Map<UUID, Set<String>> bad = new LinkedHashMap<>();
        bad.put(anna, Set.of("k:1"));
        bad.put(ben, Set.of(" "));
        Set<String> tooMany = IntStream.rangeClosed(0, MatchKeyStore.MAX_KEYS).mapToObj(i -> "k:" + i)
                .collect(Collectors.toSet());

        assertThatThrownBy(() -> keys().insertAll(TENANT, bad)).isInstanceOf(ValidationException.class);
        assertRejected(() -> keys().insertAll(TENANT, null), "keysByCustomer");
        assertRejected(() -> keys().insertAll(TENANT, Map.of(anna, tooMany)), "keys[" + anna + "].size");
        assertRejected(() -> keys().insertAll("bad tenant", Map.of(anna, Set.of("k:1"))), "tenantId");
        assertThatThrownBy(() -> storage().transactions().run(() -> {
            keys().insertAll(TENANT, Map.of(clara, Set.of("k:1")));
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(all(TENANT, List.of("k:1"))).isEmpty();
    }

    @Test
    void keys_of_any_text_up_to_the_longest_read_back_exactly() {
        String longest = "ü".repeat(MatchKeyStore.MAX_KEY_LENGTH - 2) + "Ab";
        Set<String> odd = Set.of(longest, "n:o'brien ß", "N:Case", "n:case", "x:trailing ");
        keys().replace(TENANT, anna, odd);

        assertThat(all(TENANT, List.copyOf(odd))).extracting(MatchKeyRecord::key)
                .containsExactlyInAnyOrderElementsOf(odd);
        assertThat(all(TENANT, List.of("x:trailing"))).isEmpty();
    }

    @Test
    void a_unit_that_rolls_back_leaves_the_keys_as_they_were() {
        keys().replace(TENANT, anna, Set.of("k:before"));

        assertThatThrownBy(() -> storage().transactions().run(() -> {
            keys().replace(TENANT, anna, Set.of("k:after"));
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(all(TENANT, List.of("k:before", "k:after"))).extracting(MatchKeyRecord::key)
                .containsExactly("k:before");
    }

    @Test
    void pages_of_a_key_held_by_many_customers_neither_skip_nor_repeat() {
        qt().withExamples(15).withShrinkCycles(20)
                .forAll(range(0, 25), range(1, 6), range(1, 3))
                .checkAssert((holders, pageSize, keyCount) -> {
                    String tenant = CustomerFixtures.freshTenant();
                    List<String> wanted = IntStream.range(0, keyCount).mapToObj(i -> "k:" + i).toList();
                    Set<MatchKeyRecord> expected = new HashSet<>();
                    for (int i = 0; i < holders; i++) {
                        UUID id = UUID.randomUUID();
                        Set<String> held = i % 2 == 0 ? Set.copyOf(wanted) : Set.of(wanted.get(0), "k:other");
                        keys().replace(tenant, id, held);
                        held.stream().filter(wanted::contains)
                                .forEach(k -> expected.add(new MatchKeyRecord(tenant, k, id)));
                    }
                    List<MatchKeyRecord> seen = new ArrayList<>();
                    PageRequest request = PageRequest.first(pageSize);
                    while (true) {
                        Page<MatchKeyRecord> page = keys().find(tenant, wanted, request);
                        assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
                        seen.addAll(page.items());
                        if (!page.hasNext()) {
                            break;
                        }
                        request = request.next(page.next().orElseThrow());
                    }
                    assertThat(seen).doesNotHaveDuplicates();
                    assertThat(Set.copyOf(seen)).isEqualTo(expected);
                    for (String key : wanted) {
                        List<UUID> ids = seen.stream().filter(r -> r.key().equals(key))
                                .map(MatchKeyRecord::customerId).toList();
                        assertThat(ids).isSortedAccordingTo(Ids.ORDER);
                    }
                });
    }

    @Test
    void bad_input_is_rejected_naming_the_field_and_changes_nothing() {
        keys().replace(TENANT, anna, Set.of("k:kept"));
        Set<String> tooMany = IntStream.rangeClosed(0, MatchKeyStore.MAX_KEYS).mapToObj(i -> "k:" + i)
                .collect(Collectors.toSet());

        assertRejected(() -> keys().replace(TENANT, anna, Set.of("k:" + "x".repeat(MatchKeyStore.MAX_KEY_LENGTH))),
                "keys");
        assertRejected(() -> keys().replace(TENANT, anna, Set.of("")), "keys");
        assertRejected(() -> keys().replace(TENANT, anna, null), "keys");
        assertRejected(() -> keys().replace(TENANT, anna, tooMany), "keys.size");
        assertRejected(() -> keys().replace(TENANT, null, Set.of("k:1")), "customerId");
        assertRejected(() -> keys().replace("bad tenant", anna, Set.of("k:1")), "tenantId");
        assertRejected(() -> keys().replaceAll(TENANT, null), "keysByCustomer");
        assertRejected(() -> keys().find(TENANT, Arrays.asList("k:1", null), PageRequest.first(10)), "keys[1]");
        assertRejected(() -> keys().find(TENANT, tooMany, PageRequest.first(10)), "keys.size");
        assertRejected(() -> keys().find(TENANT, List.of("k:1"), null), "page");
        assertRejected(() -> keys().find(TENANT, List.of("k:1"),
                new PageRequest(10, Cursor.of(List.of(UUID.randomUUID().toString())))), "cursor");
        assertRejected(() -> keys().find(TENANT, List.of("k:1"),
                new PageRequest(10, Cursor.of(List.of("k:1", "not-an-id")))), "cursor");
        assertThat(all(TENANT, List.of("k:kept"))).extracting(MatchKeyRecord::customerId).containsExactly(anna);
    }

    private static List<UUID> sorted(UUID... ids) {
        return Arrays.stream(ids).sorted(Ids.ORDER).toList();
    }

    @Test
    void shared_keys_are_the_keys_two_or_more_customers_hold_in_key_order_with_their_counts() {
        keys().replace(TENANT, anna, Set.of("p:MLR a", "d:1980-02-03", "n:mueller a"));
        keys().replace(TENANT, ben, Set.of("p:MLR a", "n:mueller b"));
        keys().replace(TENANT, clara, Set.of("p:MLR a", "d:1980-02-03"));
        keys().replace(OTHER_TENANT, UUID.randomUUID(), Set.of("n:mueller a"));
        keys().replace(OTHER_TENANT, UUID.randomUUID(), Set.of("n:mueller a"));

        assertThat(keys().sharedKeys(TENANT, null, 10)).containsExactly(
                new MatchKeyStore.SharedKey("d:1980-02-03", 2), new MatchKeyStore.SharedKey("p:MLR a", 3));
        assertThat(keys().sharedKeys(TENANT, null, 1)).containsExactly(new MatchKeyStore.SharedKey("d:1980-02-03", 2));
        assertThat(keys().sharedKeys(TENANT, "d:1980-02-03", 10)).containsExactly(
                new MatchKeyStore.SharedKey("p:MLR a", 3));
        assertThat(keys().sharedKeys(TENANT, "p:MLR a", 10)).isEmpty();
        assertThat(keys().sharedKeys(OTHER_TENANT, null, 10)).containsExactly(
                new MatchKeyStore.SharedKey("n:mueller a", 2));
    }

    @Test
    void shared_keys_read_in_batches_after_the_last_key_see_every_shared_key_once_in_binary_order() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String key = "k:" + (char) ('A' + i % 26) + (i >= 26 ? "ä" : "") + i;
            keys().replace(TENANT, UUID.randomUUID(), Set.of(key));
            keys().replace(TENANT, UUID.randomUUID(), Set.of(key));
            expected.add(key);
            keys().replace(TENANT, UUID.randomUUID(), Set.of("k:single" + i));
        }
        expected.sort(Comparator.comparing((String k) -> k.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Arrays::compareUnsigned));

        List<String> read = new ArrayList<>();
        String after = null;
        while (true) {
            List<MatchKeyStore.SharedKey> batch = keys().sharedKeys(TENANT, after, 7);
            if (batch.isEmpty()) {
                break;
            }
            batch.forEach(k -> assertThat(k.holders()).isEqualTo(2));
            batch.forEach(k -> read.add(k.key()));
            after = batch.get(batch.size() - 1).key();
        }

        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void shared_keys_reject_a_bad_limit_or_position_naming_it() {
        assertRejected(() -> keys().sharedKeys(TENANT, null, 0), "limit");
        assertRejected(() -> keys().sharedKeys(TENANT, null, MatchKeyStore.MAX_KEYS + 1), "limit");
        assertRejected(() -> keys().sharedKeys(TENANT, " ", 10), "afterKey");
        assertRejected(() -> keys().sharedKeys("bad tenant!", null, 10), "tenantId");
    }
}
