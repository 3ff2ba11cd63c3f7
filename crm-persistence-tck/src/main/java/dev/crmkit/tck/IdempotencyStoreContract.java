package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.idempotency.IdempotencyKey;
import dev.crmkit.spi.idempotency.IdempotencyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * {@code IdempotencyStore}: keys are unique per tenant and scope, recorded all or nothing, found exactly, taken back
 * with their unit, and looked up in lists long enough (600) to cross an adapter's chunking.
 */
public abstract class IdempotencyStoreContract extends ContractSupport {
    private static final String TENANT = "idempotency";
    private static final String OTHER_TENANT = "idempotency-other";
    private static final String SCOPE = "opportunity.open";
    private static final String OTHER_SCOPE = "lead.capture";

    private IdempotencyStore keys() {
        return storage().idempotency();
    }

    private static IdempotencyKey key(String tenant, String scope, String key) {
        return new IdempotencyKey(tenant, scope, key, UUID.randomUUID(), NOW);
    }

    private List<IdempotencyKey> find(String tenant, String scope, String... wanted) {
        return keys().findAll(tenant, scope, List.of(wanted));
    }

    private static void assertRejected(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private static void assertDuplicate(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DuplicateException.class,
                e -> assertThat(e.key()).isEqualTo("idempotencyKey"));
    }

    @Test
    void keys_are_found_exactly_in_their_own_tenant_and_scope_only() {
        IdempotencyKey first = key(TENANT, SCOPE, "post-1");
        IdempotencyKey upper = key(TENANT, SCOPE, "Post-1");
        IdempotencyKey otherScope = key(TENANT, OTHER_SCOPE, "post-1");
        IdempotencyKey otherTenant = key(OTHER_TENANT, SCOPE, "post-1");
        keys().recordAll(List.of(first, upper, key(TENANT, SCOPE, "post-2"), otherScope, otherTenant));

        assertThat(find(TENANT, SCOPE, "post-1", "Post-1", "unknown")).containsExactlyInAnyOrder(first, upper);
        assertThat(find(TENANT, OTHER_SCOPE, "post-1", "post-2")).containsExactly(otherScope);
        assertThat(find(OTHER_TENANT, SCOPE, "post-1", "post-2")).containsExactly(otherTenant);
        assertThat(find(TENANT, SCOPE)).isEmpty();
    }

    @Test
    void a_key_recorded_already_or_twice_in_the_list_is_a_duplicate_and_nothing_is_stored() {
        keys().recordAll(List.of(key(TENANT, SCOPE, "post-1")));

        assertDuplicate(() -> keys().recordAll(List.of(key(TENANT, SCOPE, "post-2"), key(TENANT, SCOPE, "post-1"))));
        assertDuplicate(() -> keys().recordAll(List.of(key(TENANT, SCOPE, "post-3"), key(TENANT, SCOPE, "post-3"))));
        assertThat(find(TENANT, SCOPE, "post-2", "post-3")).isEmpty();
        assertThat(find(TENANT, SCOPE, "post-1")).hasSize(1);
    }

    @Test
    void a_rejected_batch_leaves_the_unit_usable_and_a_rolled_back_unit_records_none() {
        IdempotencyKey kept = key(TENANT, SCOPE, "post-1");
        IdempotencyKey later = key(TENANT, SCOPE, "post-3");
        storage().transactions().inTransaction(() -> {
            keys().recordAll(List.of(kept));
            assertDuplicate(() -> keys().recordAll(List.of(key(TENANT, SCOPE, "post-2"), key(TENANT, SCOPE, "post-1"))));
            keys().recordAll(List.of(later));
            return null;
        });
        assertThatThrownBy(() -> storage().transactions().inTransaction(() -> {
            keys().recordAll(List.of(key(TENANT, SCOPE, "post-4")));
            throw new IllegalStateException("the caller's unit fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(find(TENANT, SCOPE, "post-1", "post-2", "post-3", "post-4")).containsExactlyInAnyOrder(kept, later);
    }

    @Test
    void find_all_finds_every_key_of_a_long_list_and_counts_a_repeated_key_once() {
        List<IdempotencyKey> all = IntStream.range(0, 600).mapToObj(i -> key(TENANT, SCOPE, "post-" + i)).toList();
        keys().recordAll(all);
        List<String> wanted = Stream.concat(all.stream().map(IdempotencyKey::key),
                IntStream.range(0, IdempotencyStore.MAX_LOOKUP - 600).mapToObj(i -> "unknown-" + i)).toList();

        assertThat(keys().findAll(TENANT, SCOPE, wanted)).containsExactlyInAnyOrderElementsOf(all);
        assertThat(keys().findAll(TENANT, SCOPE, Collections.nCopies(IdempotencyStore.MAX_LOOKUP + 1, "post-7")))
                .containsExactly(all.get(7));
    }

    @Test
    void bad_arguments_are_rejected_naming_the_field() {
        List<String> tooMany = new ArrayList<>();
        IntStream.rangeClosed(0, IdempotencyStore.MAX_LOOKUP).forEach(i -> tooMany.add("post-" + i));

        assertRejected(() -> keys().recordAll(null), "keys");
        assertRejected(() -> keys().recordAll(Arrays.asList(key(TENANT, SCOPE, "post-1"), null)), "keys[1]");
        assertRejected(() -> keys().findAll(TENANT, SCOPE, tooMany), "keys.size");
        assertRejected(() -> keys().findAll(TENANT, SCOPE, Arrays.asList("post-1", null)), "keys[1]");
        assertRejected(() -> keys().findAll("bad tenant", SCOPE, List.of("post-1")), "tenantId");
        assertRejected(() -> keys().findAll(TENANT, " ", List.of("post-1")), "scope");
        assertRejected(() -> new IdempotencyKey(TENANT, SCOPE, "x".repeat(101), UUID.randomUUID(), NOW), "key");
        assertRejected(() -> new IdempotencyKey(TENANT, "s".repeat(65), "k", UUID.randomUUID(), NOW), "scope");
        assertThat(find(TENANT, SCOPE, "post-1")).isEmpty();
    }
}
