package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.SlaTarget;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.SlaPolicyRecord;
import dev.crmkit.spi.ticket.SlaPolicyStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link SlaPolicyStore} and {@link SlaPolicyRecord}. */
public abstract class SlaPolicyStoreContract extends ContractSupport {
    private SlaPolicyStore policies() {
        return capability(ServiceLevelStorage.class).slaPolicies();
    }

    private static List<SlaTarget> targets() {
        return List.of(SlaTarget.of(MilestoneKind.RESOLUTION, Duration.ofDays(3)),
                SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofHours(8)),
                SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofMinutes(30)).forPriority(TicketPriority.URGENT)
                        .forTier("gold"),
                SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofHours(1)).forPriority(TicketPriority.URGENT),
                SlaTarget.of(MilestoneKind.NEXT_RESPONSE, Duration.ofHours(2)).forTier("gold.plus_2-b"));
    }

    @Test
    void a_policy_reads_back_equal_with_its_targets_in_order_and_only_in_its_tenant() {
        SlaPolicyRecord policy = new SlaPolicyRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, targets());

        assertThat(policies().save(policy, 0)).isEqualTo(policy);

        SlaPolicyRecord read = policies().get(TENANT).orElseThrow();
        assertThat(read).isEqualTo(policy);
        assertThat(read.targets()).extracting(SlaTarget::milestone).containsExactly(MilestoneKind.FIRST_RESPONSE,
                MilestoneKind.FIRST_RESPONSE, MilestoneKind.FIRST_RESPONSE, MilestoneKind.NEXT_RESPONSE,
                MilestoneKind.RESOLUTION);
        assertThat(read.targets().get(0).priority()).as("any before a given priority").isNull();
        assertThat(read.targets().get(1).tier()).as("any before a given tier").isNull();
        assertThat(read.targets().get(2).tier()).isEqualTo("gold");
        assertThat(read.targets().get(2).businessTime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(policies().get(OTHER_TENANT)).isEmpty();
    }

    @Test
    void save_replaces_by_compare_and_set_keeping_id_and_created_at_and_a_stale_version_conflicts() {
        SlaPolicyRecord first = policies().save(new SlaPolicyRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW,
                targets()), 0);
        SlaPolicyRecord empty = new SlaPolicyRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW.plusSeconds(9), List.of());

        SlaPolicyRecord second = policies().save(empty, 1);

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.createdAt()).isEqualTo(NOW);
        assertThat(second.updatedAt()).isEqualTo(NOW.plusSeconds(9));
        assertThat(second.targets()).isEmpty();
        assertThat(policies().get(TENANT)).contains(second);
        assertThatThrownBy(() -> policies().save(empty, 1)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> policies().save(empty, 0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> policies().save(new SlaPolicyRecord(OTHER_TENANT, UUID.randomUUID(), 1, NOW, NOW,
                List.of()), 3)).as("none to replace").isInstanceOf(ConflictException.class);
        assertThat(policies().get(TENANT)).contains(second);
        assertThat(policies().get(OTHER_TENANT)).isEmpty();
    }

    @Test
    void the_record_and_a_target_refuse_duplicates_and_bad_values_naming_the_field() {
        List<SlaTarget> twice = List.of(SlaTarget.of(MilestoneKind.RESOLUTION, Duration.ofHours(1)).forTier("gold"),
                SlaTarget.of(MilestoneKind.RESOLUTION, Duration.ofHours(2)).forTier("gold"));
        assertThatThrownBy(() -> new SlaPolicyRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, twice))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("targets"));
        assertThatThrownBy(() -> SlaTarget.of(MilestoneKind.RESOLUTION, Duration.ofSeconds(90)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("businessTime"));
        assertThatThrownBy(() -> SlaTarget.of(MilestoneKind.RESOLUTION, Duration.ZERO))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("businessTime"));
        assertThatThrownBy(() -> SlaTarget.of(MilestoneKind.RESOLUTION, Duration.ofDays(367)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("businessTime"));
        assertThat(SlaTarget.of(MilestoneKind.RESOLUTION, Duration.ofDays(366)).businessTime())
                .isEqualTo(Duration.ofDays(366));
        assertThatThrownBy(() -> SlaTarget.of(MilestoneKind.RESOLUTION, Duration.ofHours(1)).forTier("gold vip"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("tier"));
        assertThatThrownBy(() -> new SlaTarget(null, null, null, Duration.ofHours(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("milestone"));
    }
}
