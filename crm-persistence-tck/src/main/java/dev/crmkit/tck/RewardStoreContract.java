package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.RewardRecord;
import dev.crmkit.spi.loyalty.RewardStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link RewardStore} and its records. */
public abstract class RewardStoreContract extends ContractSupport {
    private RewardStore rewards() {
        return capability(LoyaltyStorage.class).rewards();
    }

    private static RewardRecord reward(String tenantId, String code, Long stock) {
        return new RewardRecord(tenantId, UUID.randomUUID(), 1, NOW, NOW, code, "Coffee to go", 150,
                NOW.minusSeconds(3_600), NOW.plusSeconds(86_400), stock);
    }

    private static RewardRecord changed(RewardRecord r, String name, long points, Long stock) {
        return new RewardRecord(r.tenantId(), r.id(), r.version(), NOW.plusSeconds(99), NOW.plusSeconds(60),
                "tampered", name, points, null, null, stock);
    }

    @Test
    void a_reward_reads_back_equal_by_id_and_code_in_its_tenant_only_with_or_without_window_and_stock() {
        RewardRecord coffee = rewards().insert(reward(TENANT, "coffee", 12L));
        RewardRecord open = rewards().insert(new RewardRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, "lounge",
                "Lounge pass", 5_000, null, null, null));

        assertThat(rewards().get(TENANT, coffee.id())).contains(coffee);
        assertThat(rewards().findByCode(TENANT, "coffee")).contains(coffee);
        assertThat(rewards().findByCode(TENANT, "lounge")).contains(open);
        assertThat(open.stock()).isNull();
        assertThat(rewards().findByCode(TENANT, "coffee").orElseThrow().stock()).isEqualTo(12L);
        assertThat(rewards().findByCode(TENANT, "Coffee")).isEmpty();
        assertThat(rewards().get(OTHER_TENANT, coffee.id())).isEmpty();
        assertThat(rewards().findByCode(OTHER_TENANT, "coffee")).isEmpty();
    }

    @Test
    void insert_stores_version_one_and_refuses_a_taken_id_or_code_naming_it() {
        RewardRecord first = reward(TENANT, "coffee", 3L);
        RewardRecord atFive = new RewardRecord(TENANT, first.id(), 5, NOW, NOW, "coffee", "Coffee", 150, null, null,
                0L);
        assertThat(rewards().insert(atFive).version()).isEqualTo(1);

        assertThatThrownBy(() -> rewards().insert(new RewardRecord(TENANT, first.id(), 1, NOW, NOW, "tea", "Tea", 90,
                null, null, null)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThatThrownBy(() -> rewards().insert(reward(TENANT, "coffee", null)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("code"));
        assertThat(rewards().findByCode(TENANT, "tea")).isEmpty();
        assertThat(rewards().findByCode(TENANT, "coffee").orElseThrow().stock()).isZero();
        assertThat(rewards().insert(reward(OTHER_TENANT, "coffee", null)).version()).isEqualTo(1);
    }

    @Test
    void update_stores_name_cost_window_and_stock_at_the_next_version_and_keeps_code_and_creation() {
        RewardRecord stored = rewards().insert(reward(TENANT, "coffee", 12L));

        RewardRecord updated = rewards().update(changed(stored, "Large coffee", 200, 11L), 1);

        assertThat(updated).isEqualTo(new RewardRecord(TENANT, stored.id(), 2, NOW, NOW.plusSeconds(60), "coffee",
                "Large coffee", 200, null, null, 11L));
        assertThat(rewards().get(TENANT, stored.id())).contains(updated);
        assertThat(rewards().findByCode(TENANT, "tampered")).isEmpty();
        assertThat(rewards().update(changed(updated, "Large coffee", 200, null), 2).stock()).isNull();
        assertThat(rewards().update(changed(updated, "Large coffee", 200, 0L), 3).stock()).isZero();
    }

    @Test
    void update_with_a_stale_version_or_of_a_missing_reward_changes_nothing() {
        RewardRecord stored = rewards().insert(reward(TENANT, "coffee", 1L));
        RewardRecord once = rewards().update(changed(stored, "Coffee", 150, 0L), 1);

        // a second redemption that read stock 1 at version 1 must not take it again
        assertThatThrownBy(() -> rewards().update(changed(stored, "Coffee", 150, 0L), 1))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(rewards().get(TENANT, stored.id())).contains(once);

        RewardRecord missing = reward(TENANT, "tea", 1L);
        assertThatThrownBy(() -> rewards().update(missing, 1)).isInstanceOf(NotFoundException.class);
        assertThat(rewards().get(TENANT, missing.id())).isEmpty();
        RewardRecord elsewhere = new RewardRecord(OTHER_TENANT, stored.id(), 2, NOW, NOW, "coffee", "Coffee", 1,
                null, null, 0L);
        assertThatThrownBy(() -> rewards().update(elsewhere, 2)).isInstanceOf(NotFoundException.class);
        assertThat(rewards().get(TENANT, stored.id())).contains(once);
    }

    @Test
    void pages_list_the_tenants_rewards_by_code_each_once() {
        List<String> codes = List.of("tea", "Zebra", "coffee", "a-1", "a-10", "a-2", "lounge");
        for (String code : codes) {
            rewards().insert(reward(TENANT, code, null));
        }
        rewards().insert(reward(OTHER_TENANT, "b", null));

        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        while (true) {
            Page<RewardRecord> page = rewards().page(TENANT, request);
            page.items().forEach(r -> seen.add(r.code()));
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }

        assertThat(seen).containsExactly("Zebra", "a-1", "a-10", "a-2", "coffee", "lounge", "tea");
    }

    @Test
    void the_record_refuses_a_cost_below_one_a_negative_stock_and_a_window_ending_before_it_starts() {
        assertThatThrownBy(() -> new RewardRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, "x", "X", 0, null, null,
                null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("points"));
        assertThatThrownBy(() -> new RewardRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, "x", "X", 1, null, null,
                -1L)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("stock"));
        assertThatThrownBy(() -> new RewardRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, "x", "X", 1, NOW, NOW,
                null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("validUntil"));
        RewardRecord window = reward(TENANT, "x", null);
        assertThat(window.isValidAt(window.validFrom())).isTrue();
        assertThat(window.isValidAt(window.validFrom().minusNanos(1000))).isFalse();
        assertThat(window.isValidAt(window.validUntil())).isFalse();
        assertThat(window.isValidAt(window.validUntil().minusNanos(1000))).isTrue();
    }
}
