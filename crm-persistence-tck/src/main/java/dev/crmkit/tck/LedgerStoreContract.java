package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.TouchPointFixtures.idLeadingWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.LedgerStore;
import dev.crmkit.spi.loyalty.LedgerLots;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.MembershipRecord;
import dev.crmkit.spi.loyalty.MembershipStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link MembershipStore} and {@link LedgerStore} and their records. */
public abstract class LedgerStoreContract extends ContractSupport {
    private final UUID jana = UUID.randomUUID();
    private final UUID piotr = UUID.randomUUID();

    private MembershipStore memberships() {
        return capability(LoyaltyStorage.class).memberships();
    }

    private LedgerStore ledger() {
        return capability(LoyaltyStorage.class).ledger();
    }

    private static MembershipRecord membership(String tenantId, UUID customerId, String number) {
        return new MembershipRecord(tenantId, UUID.randomUUID(), 1, NOW, NOW, "club", customerId, number,
                MembershipStatus.ACTIVE, 0, 0);
    }

    private static MembershipRecord withBalances(MembershipRecord m, MembershipStatus status, long qualifying,
            long redeemable) {
        return new MembershipRecord(m.tenantId(), m.id(), m.version(), m.createdAt(), NOW.plusSeconds(60),
                m.programme(), m.customerId(), m.memberNumber(), status, qualifying, redeemable);
    }

    private static LedgerEntryRecord entry(String tenantId, UUID id, UUID membershipId, long qualifying,
            long redeemable, String key) {
        return new LedgerEntryRecord(tenantId, id, membershipId, LedgerEntryKind.ACCRUAL, qualifying, redeemable,
                "purchase", "ORD-1", key, NOW);
    }

    @Test
    void a_membership_reads_back_equal_by_id_number_and_customer_and_nowhere_else() {
        MembershipRecord stored = memberships().insert(membership(TENANT, jana, "100042"));

        assertThat(memberships().get(TENANT, stored.id())).contains(stored);
        assertThat(memberships().findByMemberNumber(TENANT, "100042")).contains(stored);
        assertThat(memberships().findByCustomer(TENANT, "club", jana)).contains(stored);
        assertThat(memberships().findByCustomer(TENANT, "other-club", jana)).isEmpty();
        assertThat(memberships().get(OTHER_TENANT, stored.id())).isEmpty();
        assertThat(memberships().findByMemberNumber(OTHER_TENANT, "100042")).isEmpty();
    }

    @Test
    void for_customer_lists_a_customers_memberships_by_programme_in_that_tenant_only() {
        MembershipRecord shop = memberships().insert(new MembershipRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW,
                "shop", jana, "200001", MembershipStatus.ACTIVE, 0, 0));
        MembershipRecord club = memberships().insert(membership(TENANT, jana, "100042"));
        memberships().insert(membership(TENANT, piotr, "100043"));
        memberships().insert(membership(OTHER_TENANT, jana, "100042"));

        assertThat(memberships().forCustomer(TENANT, jana)).containsExactly(club, shop);
        assertThat(memberships().forCustomer(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void insert_stores_version_one_and_refuses_a_taken_id_number_or_customer_naming_it() {
        MembershipRecord first = membership(TENANT, jana, "100042");
        MembershipRecord atFive = new MembershipRecord(TENANT, first.id(), 5, NOW, NOW, "club", jana, "100042",
                MembershipStatus.ACTIVE, 0, 0);
        assertThat(memberships().insert(atFive).version()).isEqualTo(1);

        MembershipRecord sameId = new MembershipRecord(TENANT, first.id(), 1, NOW, NOW, "club", piotr, "100043",
                MembershipStatus.ACTIVE, 0, 0);
        assertThatThrownBy(() -> memberships().insert(sameId))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThatThrownBy(() -> memberships().insert(membership(TENANT, piotr, "100042")))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("memberNumber"));
        assertThatThrownBy(() -> memberships().insert(membership(TENANT, jana, "100044")))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("customer"));
        assertThat(memberships().findByCustomer(TENANT, "club", piotr)).isEmpty();
        assertThat(memberships().insert(membership(OTHER_TENANT, jana, "100042")).version()).isEqualTo(1);
    }

    @Test
    void update_stores_customer_status_and_balances_at_the_next_version_and_keeps_programme_and_number() {
        MembershipRecord stored = memberships().insert(membership(TENANT, jana, "100042"));
        MembershipRecord changed = new MembershipRecord(TENANT, stored.id(), 1, NOW, NOW.plusSeconds(60),
                "tampered", piotr, "999", MembershipStatus.SUSPENDED, 120, 80);

        MembershipRecord updated = memberships().update(changed, 1);

        assertThat(updated).isEqualTo(new MembershipRecord(TENANT, stored.id(), 2, NOW, NOW.plusSeconds(60), "club",
                piotr, "100042", MembershipStatus.SUSPENDED, 120, 80));
        assertThat(memberships().get(TENANT, stored.id())).contains(updated);
        assertThat(memberships().findByCustomer(TENANT, "club", jana)).isEmpty();
    }

    @Test
    void update_with_a_stale_version_or_of_a_missing_membership_changes_nothing() {
        MembershipRecord stored = memberships().insert(membership(TENANT, jana, "100042"));
        MembershipRecord once = memberships().update(withBalances(stored, MembershipStatus.ACTIVE, 10, 10), 1);

        assertThatThrownBy(() -> memberships().update(withBalances(stored, MembershipStatus.ACTIVE, 99, 99), 1))
                .isInstanceOf(ConflictException.class);
        assertThat(memberships().get(TENANT, stored.id())).contains(once);
        assertThatThrownBy(() -> memberships().update(membership(TENANT, piotr, "100043"), 1))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void update_to_a_customer_with_a_membership_in_the_programme_is_a_duplicate_and_changes_nothing() {
        MembershipRecord janas = memberships().insert(membership(TENANT, jana, "100042"));
        memberships().insert(membership(TENANT, piotr, "100043"));
        MembershipRecord moved = new MembershipRecord(TENANT, janas.id(), 1, NOW, NOW, "club", piotr, "100042",
                MembershipStatus.ACTIVE, 0, 0);

        assertThatThrownBy(() -> memberships().update(moved, 1))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("customer"));
        assertThat(memberships().get(TENANT, janas.id())).contains(janas);
    }

    @Test
    void records_refuse_negative_balances_and_entries_that_change_nothing() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new MembershipRecord(TENANT, id, 1, NOW, NOW, "club", jana, "1",
                MembershipStatus.ACTIVE, 0, -1))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("redeemablePoints"));
        assertThatThrownBy(() -> new MembershipRecord(TENANT, id, 1, NOW, NOW, "club", jana, "1",
                MembershipStatus.ACTIVE, -1, 0))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("qualifyingPoints"));
        assertThatThrownBy(() -> entry(TENANT, id, id, 0, 0, "k"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("points"));
        assertThatThrownBy(() -> entry(TENANT, id, id, 1, 0, " "))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("idempotencyKey"));
    }

    @Test
    void an_appended_entry_reads_back_equal_by_its_key_and_a_taken_id_or_key_is_a_duplicate() {
        UUID membershipId = UUID.randomUUID();
        LedgerEntryRecord redemption = new LedgerEntryRecord(TENANT, UUID.randomUUID(), membershipId,
                LedgerEntryKind.REDEMPTION, 0, -250, "reward", null, "redeem-7", NOW);
        ledger().append(redemption);

        assertThat(ledger().findByIdempotencyKey(TENANT, "redeem-7")).contains(redemption);
        assertThat(ledger().findByIdempotencyKey(TENANT, "REDEEM-7")).isEmpty();
        assertThat(ledger().findByIdempotencyKey(OTHER_TENANT, "redeem-7")).isEmpty();
        assertThatThrownBy(() -> ledger().append(entry(TENANT, redemption.id(), membershipId, 5, 5, "other")))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThatThrownBy(() -> ledger().append(entry(TENANT, UUID.randomUUID(), membershipId, 5, 5, "redeem-7")))
                .isInstanceOfSatisfying(DuplicateException.class,
                        e -> assertThat(e.key()).isEqualTo("idempotencyKey"));
        assertThat(ledger().sums(TENANT, membershipId)).isEqualTo(new LedgerSums(0, -250, 1));
        assertThat(ledger().append(entry(OTHER_TENANT, UUID.randomUUID(), membershipId, 5, 5, "redeem-7")))
                .isNotNull();
    }

    @Test
    void sums_add_up_a_memberships_entries_only_and_are_zero_without_any() {
        UUID mine = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        ledger().append(entry(TENANT, UUID.randomUUID(), mine, 100, 100, "a"));
        ledger().append(entry(TENANT, UUID.randomUUID(), mine, 0, -30, "b"));
        ledger().append(entry(TENANT, UUID.randomUUID(), mine, -10, -10, "c"));
        ledger().append(entry(TENANT, UUID.randomUUID(), other, 7, 7, "d"));
        ledger().append(entry(OTHER_TENANT, UUID.randomUUID(), mine, 7, 7, "e"));

        assertThat(ledger().sums(TENANT, mine)).isEqualTo(new LedgerSums(90, 60, 3));
        assertThat(ledger().sums(TENANT, UUID.randomUUID())).isEqualTo(new LedgerSums(0, 0, 0));
    }

    @Test
    void sums_leave_pending_and_clawback_entries_out_and_sums_of_a_kind_add_up_that_kind_only() {
        UUID mine = UUID.randomUUID();
        ledger().append(entry(TENANT, UUID.randomUUID(), mine, 100, 100, "a"));
        ledger().append(kindOf(LedgerEntryKind.PENDING, mine, 40, 30, "p1"));
        ledger().append(kindOf(LedgerEntryKind.PENDING, mine, -10, -5, "p2"));
        ledger().append(kindOf(LedgerEntryKind.CLAWBACK, mine, 3, 8, "c1"));
        ledger().append(kindOf(LedgerEntryKind.REVERSAL, mine, -20, -20, "r1"));
        ledger().append(kindOf(LedgerEntryKind.PENDING, UUID.randomUUID(), 9, 9, "elsewhere"));
        ledger().append(new LedgerEntryRecord(OTHER_TENANT, UUID.randomUUID(), mine, LedgerEntryKind.PENDING, 9, 9,
                "purchase", null, "other-tenant", NOW));

        assertThat(ledger().sums(TENANT, mine)).isEqualTo(new LedgerSums(80, 80, 2));
        assertThat(ledger().sums(TENANT, mine, LedgerEntryKind.PENDING)).isEqualTo(new LedgerSums(30, 25, 2));
        assertThat(ledger().sums(TENANT, mine, LedgerEntryKind.CLAWBACK)).isEqualTo(new LedgerSums(3, 8, 1));
        assertThat(ledger().sums(TENANT, mine, LedgerEntryKind.ACCRUAL)).isEqualTo(new LedgerSums(100, 100, 1));
        assertThat(ledger().sums(TENANT, mine, LedgerEntryKind.EXPIRY)).isEqualTo(new LedgerSums(0, 0, 0));
        assertThat(ledger().sums(TENANT, UUID.randomUUID(), LedgerEntryKind.PENDING))
                .isEqualTo(new LedgerSums(0, 0, 0));
    }

    private static LedgerEntryRecord kindOf(LedgerEntryKind kind, UUID membershipId, long qualifying,
            long redeemable, String key) {
        return new LedgerEntryRecord(TENANT, UUID.randomUUID(), membershipId, kind, qualifying, redeemable,
                "purchase", "ORD-1", key, NOW);
    }

    @Test
    void entries_are_newest_first_by_unsigned_id_and_pages_neither_skip_nor_repeat() {
        UUID mine = UUID.randomUUID();
        LedgerEntryRecord low = ledger().append(entry(TENANT, idLeadingWith(0x1), mine, 1, 1, "low"));
        LedgerEntryRecord high = ledger().append(entry(TENANT, idLeadingWith(0xE), mine, 1, 1, "high"));
        List<LedgerEntryRecord> all = new ArrayList<>(List.of(high, low));
        for (int i = 0; i < 5; i++) {
            all.add(ledger().append(entry(TENANT, idLeadingWith(0x7), mine, 1, 1, "k" + i)));
        }
        ledger().append(entry(TENANT, UUID.randomUUID(), UUID.randomUUID(), 1, 1, "elsewhere"));

        assertThat(ledger().entries(TENANT, mine, PageRequest.first(2)).items().get(0)).isEqualTo(high);
        List<LedgerEntryRecord> read = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        while (true) {
            Page<LedgerEntryRecord> page = ledger().entries(TENANT, mine, request);
            read.addAll(page.items());
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }
        assertThat(read).containsExactlyInAnyOrderElementsOf(all).doesNotHaveDuplicates();
        assertThat(read.get(read.size() - 1)).isEqualTo(low);
    }

    @Test
    void lots_sum_the_credits_up_to_an_entry_in_id_order_and_every_debit_of_the_available_kinds() {
        UUID mine = UUID.randomUUID();
        UUID first = idLeadingWith(0x1);
        UUID second = idLeadingWith(0x5);
        ledger().append(kindAt(LedgerEntryKind.ACCRUAL, first, mine, 100, 100, "lot-1"));
        ledger().append(kindAt(LedgerEntryKind.REDEMPTION, idLeadingWith(0x3), mine, 0, -30, "spent"));
        ledger().append(kindAt(LedgerEntryKind.ADJUSTMENT, second, mine, 0, 50, "lot-2"));
        ledger().append(kindAt(LedgerEntryKind.EXPIRY, idLeadingWith(0x6), mine, 0, -20, "expired"));
        ledger().append(kindAt(LedgerEntryKind.ACCRUAL, idLeadingWith(0x9), mine, 40, 40, "lot-3"));
        ledger().append(kindAt(LedgerEntryKind.REVERSAL, idLeadingWith(0xA), mine, -5, -5, "returned"));
        ledger().append(kindAt(LedgerEntryKind.PENDING, idLeadingWith(0x2), mine, 70, 70, "pending"));
        ledger().append(kindAt(LedgerEntryKind.CLAWBACK, idLeadingWith(0x4), mine, 9, 9, "owed"));
        ledger().append(kindAt(LedgerEntryKind.ACCRUAL, idLeadingWith(0x1), UUID.randomUUID(), 8, 8, "elsewhere"));
        ledger().append(new LedgerEntryRecord(OTHER_TENANT, idLeadingWith(0x1), mine, LedgerEntryKind.ACCRUAL, 8, 8,
                "purchase", null, "other-tenant", NOW));

        assertThat(ledger().lots(TENANT, mine, first)).isEqualTo(new LedgerLots(100, 55));
        assertThat(ledger().lots(TENANT, mine, first).remaining()).isEqualTo(45);
        assertThat(ledger().lots(TENANT, mine, idLeadingWith(0x4))).isEqualTo(new LedgerLots(100, 55));
        assertThat(ledger().lots(TENANT, mine, second)).isEqualTo(new LedgerLots(150, 55));
        assertThat(ledger().lots(TENANT, mine, idLeadingWith(0xF))).isEqualTo(new LedgerLots(190, 55));
        assertThat(ledger().lots(TENANT, mine, idLeadingWith(0x0))).isEqualTo(new LedgerLots(0, 55));
        assertThat(ledger().lots(TENANT, mine, idLeadingWith(0x0)).remaining()).isZero();
        assertThat(ledger().lots(TENANT, UUID.randomUUID(), first)).isEqualTo(new LedgerLots(0, 0));
    }

    private static LedgerEntryRecord kindAt(LedgerEntryKind kind, UUID id, UUID membershipId, long qualifying,
            long redeemable, String key) {
        return new LedgerEntryRecord(TENANT, id, membershipId, kind, qualifying, redeemable, "purchase", "ORD-1", key,
                NOW);
    }

    @Test
    void an_entry_and_the_balance_update_of_one_unit_are_stored_together_or_not_at_all() {
        MembershipRecord stored = memberships().insert(membership(TENANT, jana, "100042"));

        assertThatThrownBy(() -> storage().transactions().run(() -> {
            ledger().append(entry(TENANT, UUID.randomUUID(), stored.id(), 50, 50, "earn-1"));
            memberships().update(withBalances(stored, MembershipStatus.ACTIVE, 50, 50), 7);
        })).isInstanceOf(ConflictException.class);

        assertThat(ledger().findByIdempotencyKey(TENANT, "earn-1")).isEmpty();
        assertThat(ledger().sums(TENANT, stored.id())).isEqualTo(new LedgerSums(0, 0, 0));
        assertThat(memberships().get(TENANT, stored.id())).contains(stored);
    }
}
