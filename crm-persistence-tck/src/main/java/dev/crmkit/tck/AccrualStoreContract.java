package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.TouchPointFixtures.idLeadingWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.AccrualStatus;
import dev.crmkit.spi.loyalty.AccrualLineRecord;
import dev.crmkit.spi.loyalty.AccrualRecord;
import dev.crmkit.spi.loyalty.AccrualStore;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link AccrualStore} and its records. */
public abstract class AccrualStoreContract extends ContractSupport {
    private static final List<AccrualLineRecord> LINES = List.of(new AccrualLineRecord(1, 59, 118),
            new AccrualLineRecord(3, 0, 12));

    private final UUID membership = UUID.randomUUID();
    private final UUID purchase = UUID.randomUUID();

    private AccrualStore accruals() {
        return capability(LoyaltyStorage.class).accruals();
    }

    private static AccrualRecord accrual(String tenantId, UUID id, UUID membershipId, UUID purchaseId) {
        return new AccrualRecord(tenantId, id, 1, NOW, NOW, membershipId, purchaseId, AccrualStatus.PENDING,
                NOW.plus(Duration.ofDays(30)), LINES);
    }

    @Test
    void an_accrual_reads_back_equal_with_its_lines_by_id_and_by_purchase_and_nowhere_else() {
        AccrualRecord stored = accruals().insert(accrual(TENANT, UUID.randomUUID(), membership, purchase));

        assertThat(stored.version()).isEqualTo(1);
        assertThat(accruals().get(TENANT, stored.id())).contains(stored);
        assertThat(accruals().get(TENANT, stored.id()).orElseThrow().lines()).isEqualTo(LINES);
        assertThat(accruals().forPurchase(TENANT, purchase)).containsExactly(stored);
        assertThat(accruals().get(OTHER_TENANT, stored.id())).isEmpty();
        assertThat(accruals().forPurchase(OTHER_TENANT, purchase)).isEmpty();
        assertThat(accruals().forPurchase(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void insert_stores_version_one_and_refuses_a_taken_id_or_a_second_accrual_of_the_membership_for_the_purchase() {
        AccrualRecord first = accruals().insert(new AccrualRecord(TENANT, UUID.randomUUID(), 4, NOW, NOW, membership,
                purchase, AccrualStatus.PENDING, NOW, LINES));
        assertThat(first.version()).isEqualTo(1);

        assertThatThrownBy(() -> accruals().insert(accrual(TENANT, first.id(), UUID.randomUUID(),
                UUID.randomUUID()))).isInstanceOfSatisfying(DuplicateException.class,
                        e -> assertThat(e.key()).isEqualTo("id"));
        assertThatThrownBy(() -> accruals().insert(accrual(TENANT, UUID.randomUUID(), membership, purchase)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("purchase"));
        assertThat(accruals().forPurchase(TENANT, purchase)).containsExactly(first);

        // another member's accrual of the purchase, and the same pair in another tenant, are fine
        accruals().insert(accrual(TENANT, UUID.randomUUID(), UUID.randomUUID(), purchase));
        accruals().insert(accrual(OTHER_TENANT, UUID.randomUUID(), membership, purchase));
        assertThat(accruals().forPurchase(TENANT, purchase)).hasSize(2);
    }

    @Test
    void for_purchase_lists_the_accruals_of_each_member_by_unsigned_id() {
        AccrualRecord high = accruals().insert(accrual(TENANT, idLeadingWith(0xE), UUID.randomUUID(), purchase));
        AccrualRecord low = accruals().insert(accrual(TENANT, idLeadingWith(0x1), UUID.randomUUID(), purchase));
        AccrualRecord middle = accruals().insert(accrual(TENANT, idLeadingWith(0x7), UUID.randomUUID(), purchase));

        assertThat(accruals().forPurchase(TENANT, purchase)).containsExactly(low, middle, high);
    }

    @Test
    void update_stores_status_and_updated_at_at_the_next_version_and_keeps_everything_else() {
        AccrualRecord stored = accruals().insert(accrual(TENANT, UUID.randomUUID(), membership, purchase));
        AccrualRecord asked = new AccrualRecord(TENANT, stored.id(), stored.version(), NOW.minusSeconds(99),
                NOW.plusSeconds(60), UUID.randomUUID(), UUID.randomUUID(), AccrualStatus.POSTED, NOW,
                List.of(new AccrualLineRecord(2, 1, 1)));

        AccrualRecord updated = accruals().update(asked, 1);

        AccrualRecord expected = new AccrualRecord(TENANT, stored.id(), 2, stored.createdAt(), NOW.plusSeconds(60),
                membership, purchase, AccrualStatus.POSTED, stored.availableAt(), LINES);
        assertThat(updated).isEqualTo(expected);
        assertThat(accruals().get(TENANT, stored.id())).contains(expected);
    }

    @Test
    void update_with_a_stale_version_or_of_a_missing_accrual_changes_nothing() {
        AccrualRecord stored = accruals().insert(accrual(TENANT, UUID.randomUUID(), membership, purchase));
        AccrualRecord posted = stored.withStatus(AccrualStatus.POSTED, NOW.plusSeconds(1));
        accruals().update(posted, 1);

        assertThatThrownBy(() -> accruals().update(stored.withStatus(AccrualStatus.CANCELLED, NOW), 1))
                .isInstanceOf(ConflictException.class);
        assertThat(accruals().get(TENANT, stored.id()).orElseThrow().status()).isEqualTo(AccrualStatus.POSTED);
        assertThatThrownBy(() -> accruals().update(accrual(TENANT, UUID.randomUUID(), membership, purchase), 1))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accruals().update(new AccrualRecord(OTHER_TENANT, stored.id(), 2, NOW, NOW,
                membership, purchase, AccrualStatus.CANCELLED, NOW, LINES), 2)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_accrual_and_its_status_change_of_one_unit_are_stored_together_or_not_at_all() {
        AccrualRecord stored = accruals().insert(accrual(TENANT, UUID.randomUUID(), membership, purchase));
        UUID other = UUID.randomUUID();

        assertThatThrownBy(() -> storage().transactions().run(() -> {
            accruals().insert(accrual(TENANT, UUID.randomUUID(), other, purchase));
            accruals().update(stored.withStatus(AccrualStatus.POSTED, NOW), 5);
        })).isInstanceOf(ConflictException.class);

        assertThat(accruals().forPurchase(TENANT, purchase)).containsExactly(stored);
    }

    @Test
    void records_refuse_lines_out_of_order_negative_points_and_no_lines() {
        assertThatThrownBy(() -> new AccrualLineRecord(0, 1, 1)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("lineNumber"));
        assertThatThrownBy(() -> new AccrualLineRecord(1, -1, 1)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("qualifyingPoints"));
        assertThatThrownBy(() -> new AccrualLineRecord(1, 1, -1)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("redeemablePoints"));
        assertThatThrownBy(() -> new AccrualRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, membership, purchase,
                AccrualStatus.PENDING, NOW, List.of())).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lines"));
        assertThatThrownBy(() -> new AccrualRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, membership, purchase,
                AccrualStatus.PENDING, NOW, List.of(new AccrualLineRecord(2, 1, 1), new AccrualLineRecord(2, 1, 1))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[1].lineNumber"));
        AccrualRecord two = new AccrualRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, membership, purchase,
                AccrualStatus.PENDING, NOW, LINES);
        assertThat(two.qualifyingPoints()).isEqualTo(59);
        assertThat(two.redeemablePoints()).isEqualTo(130);
    }
}
