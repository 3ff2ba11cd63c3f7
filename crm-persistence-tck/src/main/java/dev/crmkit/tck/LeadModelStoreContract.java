package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.lead.LeadModelRecord;
import dev.crmkit.spi.lead.LeadModelStore;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The promises of {@link LeadModelStore} and {@link LeadModelRecord}. */
public abstract class LeadModelStoreContract extends ContractSupport {

    private static LeadModelRecord model(String tenantId, String body) {
        return new LeadModelRecord(tenantId, UUID.randomUUID(), 1, NOW, NOW, "naive-bayes", body);
    }

    @Test
    void a_tenant_without_a_model_has_none_at_version_zero() {
        assertThat(leadModels().current(TENANT)).isEmpty();
        assertThat(leadModels().currentVersion(TENANT)).isZero();
    }

    @Test
    void a_first_model_is_stored_at_version_one_and_reads_back_equal_in_its_tenant_only() {
        // given a body of many lines, with characters beyond ASCII, as the core encodes its counts
        LeadModelRecord model = model(TENANT, "naive-bayes 1\nconverted 12\nlost 10\nvalue industry "
                + "b%C3%A4ckerei 3 4\n" + "x".repeat(200_000));

        // when
        LeadModelRecord stored = leadModels().save(model, 0);

        // then
        assertThat(stored).isEqualTo(model);
        assertThat(leadModels().current(TENANT)).contains(model);
        assertThat(leadModels().currentVersion(TENANT)).isEqualTo(1);
        assertThat(leadModels().current(OTHER_TENANT)).isEmpty();
        assertThat(leadModels().currentVersion(OTHER_TENANT)).isZero();
    }

    @Test
    void a_new_model_replaces_the_current_one_at_the_next_version_keeping_its_id_and_creation() {
        // given
        LeadModelRecord first = leadModels().save(model(TENANT, "first"), 0);

        // when
        LeadModelRecord next = new LeadModelRecord(TENANT, UUID.randomUUID(), 7, NOW.plusSeconds(60),
                NOW.plusSeconds(60), "naive-bayes", "second");
        LeadModelRecord stored = leadModels().save(next, 1);

        // then
        LeadModelRecord expected = new LeadModelRecord(TENANT, first.id(), 2, NOW, NOW.plusSeconds(60), "naive-bayes",
                "second");
        assertThat(stored).isEqualTo(expected);
        assertThat(leadModels().current(TENANT)).contains(expected);
        assertThat(leadModels().currentVersion(TENANT)).isEqualTo(2);
    }

    @Test
    void a_save_over_a_version_that_is_not_current_conflicts_and_changes_nothing() {
        // given
        LeadModelRecord current = leadModels().save(model(TENANT, "current"), 0);

        // then: a second first model, a stale and a future version all conflict
        assertThatThrownBy(() -> leadModels().save(model(TENANT, "another first"), 0))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isTrue());
        leadModels().save(model(TENANT, "second"), 1);
        assertThatThrownBy(() -> leadModels().save(model(TENANT, "stale"), 1)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> leadModels().save(model(TENANT, "future"), 5)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> leadModels().save(model(OTHER_TENANT, "none to replace"), 1))
                .isInstanceOf(ConflictException.class);
        assertThat(leadModels().current(TENANT)).get().extracting(LeadModelRecord::version, LeadModelRecord::body,
                LeadModelRecord::id).containsExactly(2L, "second", current.id());
        assertThat(leadModels().current(OTHER_TENANT)).isEmpty();
    }

    @Test
    void a_negative_expected_version_or_a_null_model_is_refused() {
        assertThatThrownBy(() -> leadModels().save(model(TENANT, "m"), -1))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("expectedVersion"));
        assertThatThrownBy(() -> leadModels().save(null, 0)).isInstanceOf(ValidationException.class);
        assertThat(leadModels().currentVersion(TENANT)).isZero();
    }

    @Test
    void a_model_saved_in_a_unit_rolled_back_is_not_stored() {
        assertThatThrownBy(() -> storage().transactions().inTransaction(() -> {
            leadModels().save(model(TENANT, "rolled back"), 0);
            throw new IllegalStateException("the unit fails after the save");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(leadModels().current(TENANT)).isEmpty();
    }

    @Test
    void of_two_first_models_saved_at_once_one_is_stored_and_the_other_conflicts() throws Exception {
        race(0);
    }

    @Test
    void of_two_trainings_replacing_one_model_at_once_one_is_stored_and_the_other_conflicts() throws Exception {
        leadModels().save(model(TENANT, "current"), 0);

        race(1);
    }

    /**
     * The first unit saves over {@code expectedVersion} and stays open (the pause gives the second the time to reach
     * the same row); the second saves over the same version and must wait, then conflict, not fail otherwise.
     */
    private void race(long expectedVersion) throws Exception {
        CountDownLatch firstWrote = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> storage().transactions().inTransaction(() -> {
                leadModels().save(model(TENANT, "winner"), expectedVersion);
                firstWrote.countDown();
                pause(300);
                return null;
            }));
            assertThat(firstWrote.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> second = pool.submit(() -> storage().transactions().inTransaction(() ->
                    leadModels().save(model(TENANT, "loser"), expectedVersion)));
            first.get(60, TimeUnit.SECONDS);
            assertThatThrownBy(() -> second.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ConflictException.class);
        } finally {
            pool.shutdownNow();
        }

        assertThat(leadModels().current(TENANT)).get().extracting(LeadModelRecord::version, LeadModelRecord::body)
                .containsExactly(expectedVersion + 1, "winner");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
