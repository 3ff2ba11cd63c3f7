package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.DuplicateJobRecord;
import dev.crmkit.spi.customer.DuplicateJobRecord.Checkpoint;
import dev.crmkit.spi.customer.DuplicateJobRecord.Phase;
import dev.crmkit.spi.customer.DuplicateJobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link DuplicateJobStore}: one checkpoint per tenant and job name, replaced by compare-and-set on the version. */
public abstract class DuplicateJobStoreContract extends ContractSupport {
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(3));
    private static final String JOB = "duplicates";

    private DuplicateJobStore jobs() {
        return capability(CustomerStorage.class).duplicateJobs();
    }

    private static DuplicateJobRecord job(String tenant, Checkpoint at, String owner, Instant now) {
        return new DuplicateJobRecord(tenant, UUID.randomUUID(), 1, now, now, JOB, at, owner,
                owner == null ? null : now.plus(Duration.ofMinutes(5)));
    }

    @Test
    void a_first_checkpoint_is_stored_at_version_1_and_read_back_in_its_tenant_only() {
        DuplicateJobRecord stored = jobs().save(job(TENANT, Checkpoint.start(), "run-1", NOW), 0);

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.checkpoint()).isEqualTo(Checkpoint.start());
        assertThat(stored.leaseOwner()).isEqualTo("run-1");
        assertThat(stored.leaseUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(jobs().get(TENANT, JOB)).contains(stored);
        assertThat(jobs().get(TENANT, "other-job")).isEmpty();
        assertThat(jobs().get(OTHER_TENANT, JOB)).isEmpty();
    }

    @Test
    void replacing_keeps_id_and_creation_and_takes_the_checkpoint_and_lease_given() {
        DuplicateJobRecord first = jobs().save(job(TENANT, Checkpoint.start(), "run-1", NOW), 0);
        Checkpoint later = new Checkpoint(Phase.EMAILS, "bWFpbDp4", 1234, 56);

        DuplicateJobRecord second = jobs().save(job(TENANT, later, null, LATER), 1);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.createdAt()).isEqualTo(NOW);
        assertThat(second.updatedAt()).isEqualTo(LATER);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.checkpoint()).isEqualTo(later);
        assertThat(second.leaseOwner()).isNull();
        assertThat(second.leaseUntil()).isNull();
        assertThat(jobs().get(TENANT, JOB)).contains(second);
    }

    @Test
    void a_position_of_the_longest_length_and_any_text_is_kept_as_given() {
        String position = "k:" + "ä".repeat(DuplicateJobRecord.MAX_POSITION - 2);
        jobs().save(job(TENANT, new Checkpoint(Phase.KEYS, position, 0, 0), "run-1", NOW), 0);

        assertThat(jobs().get(TENANT, JOB).orElseThrow().checkpoint().position()).isEqualTo(position);
    }

    @Test
    void a_save_over_another_version_conflicts_and_changes_nothing() {
        DuplicateJobRecord first = jobs().save(job(TENANT, Checkpoint.start(), "run-1", NOW), 0);

        assertThatThrownBy(() -> jobs().save(job(TENANT, Checkpoint.start(), "run-2", LATER), 0))
                .as("a second first checkpoint").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> jobs().save(job(TENANT, Checkpoint.start(), "run-2", LATER), 2))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> jobs().save(job(OTHER_TENANT, Checkpoint.start(), "run-2", LATER), 1))
                .as("nothing to replace in the other tenant").isInstanceOf(ConflictException.class);
        assertThat(jobs().get(TENANT, JOB)).contains(first);
        assertThat(jobs().get(OTHER_TENANT, JOB)).isEmpty();
    }

    @Test
    void bad_arguments_are_rejected_naming_the_field() {
        assertThatThrownBy(() -> jobs().save(null, 0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("job"));
        assertThatThrownBy(() -> jobs().save(job(TENANT, Checkpoint.start(), null, NOW), -1))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("expectedVersion"));
        assertThatThrownBy(() -> jobs().get(TENANT, " ")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("job"));
        assertThatThrownBy(() -> new Checkpoint(Phase.KEYS, null, -1, 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("blocksDone"));
        assertThatThrownBy(() -> new DuplicateJobRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, JOB,
                Checkpoint.start(), "run-1", null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("leaseUntil"));
    }

    @Test
    void a_lease_is_held_by_another_run_only_until_it_passes() {
        DuplicateJobRecord held = job(TENANT, Checkpoint.start(), "run-1", NOW);

        assertThat(held.heldByAnotherAt("run-2", NOW)).isTrue();
        assertThat(held.heldByAnotherAt("run-1", NOW)).isFalse();
        assertThat(held.heldByAnotherAt("run-2", held.leaseUntil())).isFalse();
        assertThat(job(TENANT, Checkpoint.start(), null, NOW).heldByAnotherAt("run-2", NOW)).isFalse();
    }
}
