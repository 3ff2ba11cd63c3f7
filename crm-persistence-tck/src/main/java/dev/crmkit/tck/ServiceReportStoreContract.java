package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.BacklogCell;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.MilestoneTimes;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketContent;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.ticket.MilestoneRecord;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.ServiceReportStorage;
import dev.crmkit.spi.ticket.ServiceReportStore;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.ticket.TicketStorage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link ServiceReportStore}: percentiles of the business time completed milestones took and the
 * backlog by priority and age, the same figures on every backend.
 */
public abstract class ServiceReportStoreContract extends ContractSupport {
    private static final Duration DAY = Duration.ofDays(1);

    private ServiceReportStore reports() {
        return capability(ServiceReportStorage.class).serviceReports();
    }

    private void completed(String tenant, MilestoneKind kind, Duration elapsed, boolean breached, Instant at) {
        capability(ServiceLevelStorage.class).milestones().insert(new MilestoneRecord(tenant, UUID.randomUUID(), 1,
                NOW, at, UUID.randomUUID(), kind, Duration.ofMinutes(30), elapsed, null, null, at, breached));
    }

    private void running(String tenant, MilestoneKind kind, Duration elapsed) {
        capability(ServiceLevelStorage.class).milestones().insert(new MilestoneRecord(tenant, UUID.randomUUID(), 1,
                NOW, NOW, UUID.randomUUID(), kind, Duration.ofMinutes(30), elapsed, NOW, NOW.plusSeconds(60), null,
                false));
    }

    private void ticket(String tenant, TicketPriority priority, TicketState state, Instant createdAt) {
        boolean done = !state.isActive();
        capability(TicketStorage.class).tickets().insert(new TicketRecord(tenant, UUID.randomUUID(), 1, createdAt,
                createdAt, TicketKind.INCIDENT, TicketChannel.PHONE, UUID.randomUUID(), null, priority, null, state,
                TicketContent.subject("Router down"), null, done ? createdAt : null,
                state == TicketState.CLOSED ? createdAt : null, null));
    }

    @Test
    void milestone_times_are_continuous_percentiles_of_the_period_in_whole_seconds_with_the_attainment() {
        Instant from = NOW;
        Instant to = NOW.plus(Duration.ofDays(30));
        List<Duration> firstResponses = new ArrayList<>(List.of(Duration.ofMinutes(40), Duration.ofMinutes(10),
                Duration.ofMinutes(30), Duration.ofMinutes(20)));
        Collections.shuffle(firstResponses);
        for (int i = 0; i < firstResponses.size(); i++) {
            completed(TENANT, MilestoneKind.FIRST_RESPONSE, firstResponses.get(i),
                    firstResponses.get(i).equals(Duration.ofMinutes(40)), from.plusSeconds(i));
        }
        completed(TENANT, MilestoneKind.RESOLUTION, Duration.ofHours(2), true, to.minusNanos(1000));
        completed(TENANT, MilestoneKind.RESOLUTION, Duration.ofHours(1), false, from.plusSeconds(60));
        completed(TENANT, MilestoneKind.NEXT_RESPONSE, Duration.ofMillis(1400), false, from.plusSeconds(5));
        completed(TENANT, MilestoneKind.NEXT_RESPONSE, Duration.ofMillis(1600), false, from.plusSeconds(6));
        completed(TENANT, MilestoneKind.RESOLUTION, Duration.ofHours(9), true, to);                 // after the period
        completed(TENANT, MilestoneKind.RESOLUTION, Duration.ofHours(9), true, from.minusNanos(1000)); // before it
        running(TENANT, MilestoneKind.RESOLUTION, Duration.ofHours(9));                          // not completed
        completed(OTHER_TENANT, MilestoneKind.RESOLUTION, Duration.ofHours(9), true, from.plusSeconds(1));

        List<MilestoneTimes> times = reports().milestoneTimes(TENANT, from, to);

        assertThat(times).containsExactly(
                // 10, 20, 30, 40 minutes: the median halfway between 20 and 30, the 90th percentile 0.7 of 30 to 40
                new MilestoneTimes(MilestoneKind.FIRST_RESPONSE, 4, 3, Duration.ofMinutes(25), Duration.ofMinutes(37)),
                // 1.4 and 1.6 s: 1.5 s and 1.58 s, rounded half up to whole seconds
                new MilestoneTimes(MilestoneKind.NEXT_RESPONSE, 2, 2, Duration.ofSeconds(2), Duration.ofSeconds(2)),
                new MilestoneTimes(MilestoneKind.RESOLUTION, 2, 1, Duration.ofMinutes(90), Duration.ofMinutes(114)));
        assertThat(times.get(0).attainmentPercent()).isEqualByComparingTo(new BigDecimal("75.0"));
        assertThat(times.get(2).attainmentPercent()).isEqualByComparingTo(new BigDecimal("50.0"));
        assertThat(reports().milestoneTimes(OTHER_TENANT, from, to)).containsExactly(new MilestoneTimes(
                MilestoneKind.RESOLUTION, 1, 0, Duration.ofHours(9), Duration.ofHours(9)));
    }

    @Test
    void a_period_without_completed_milestones_has_no_rows_and_an_empty_period_is_refused() {
        running(TENANT, MilestoneKind.FIRST_RESPONSE, Duration.ofMinutes(5));
        completed(TENANT, MilestoneKind.FIRST_RESPONSE, Duration.ofMinutes(5), false, NOW.minusSeconds(1));

        assertThat(reports().milestoneTimes(TENANT, NOW, NOW.plusSeconds(60))).isEmpty();
        assertThatThrownBy(() -> reports().milestoneTimes(TENANT, NOW, NOW.minusSeconds(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void the_backlog_counts_active_tickets_per_priority_and_age_band_in_priority_then_band_order() {
        Instant asOf = NOW.plus(Duration.ofDays(30));
        ticket(TENANT, TicketPriority.URGENT, TicketState.OPEN, asOf.minus(Duration.ofHours(1)));
        ticket(TENANT, TicketPriority.URGENT, TicketState.NEW, asOf.minus(DAY));             // a day old: band 1
        ticket(TENANT, TicketPriority.NORMAL, TicketState.WAITING_ON_THIRD_PARTY, asOf.minus(Duration.ofDays(3)));
        ticket(TENANT, TicketPriority.NORMAL, TicketState.OPEN, asOf.minus(Duration.ofDays(7)));
        ticket(TENANT, TicketPriority.NORMAL, TicketState.NEW, asOf.minus(Duration.ofDays(20)));
        ticket(TENANT, TicketPriority.LOW, TicketState.WAITING_ON_CUSTOMER, asOf);           // created at asOf: age 0
        ticket(TENANT, TicketPriority.HIGH, TicketState.RESOLVED, asOf.minus(Duration.ofDays(2)));
        ticket(TENANT, TicketPriority.HIGH, TicketState.CLOSED, asOf.minus(Duration.ofDays(2)));
        ticket(TENANT, TicketPriority.HIGH, TicketState.OPEN, asOf.plusSeconds(1));          // after asOf
        ticket(OTHER_TENANT, TicketPriority.HIGH, TicketState.OPEN, asOf.minus(Duration.ofDays(2)));

        assertThat(reports().backlog(TENANT, asOf, List.of(DAY, Duration.ofDays(7)))).containsExactly(
                new BacklogCell(TicketPriority.LOW, 0, 1),
                new BacklogCell(TicketPriority.NORMAL, 1, 1),
                new BacklogCell(TicketPriority.NORMAL, 2, 2),
                new BacklogCell(TicketPriority.URGENT, 0, 1),
                new BacklogCell(TicketPriority.URGENT, 1, 1));
        assertThat(reports().backlog(TENANT, asOf, List.of(Duration.ofDays(365))))
                .containsExactly(new BacklogCell(TicketPriority.LOW, 0, 1), new BacklogCell(TicketPriority.NORMAL, 0, 3),
                        new BacklogCell(TicketPriority.URGENT, 0, 2));
        assertThat(reports().backlog(OTHER_TENANT, NOW, List.of(DAY))).isEmpty();
    }

    @Test
    void age_bounds_must_be_one_to_ten_positive_increasing_durations() {
        for (List<Duration> bad : List.of(List.<Duration>of(), List.of(Duration.ZERO), List.of(DAY, DAY),
                List.of(Duration.ofDays(2), DAY), Collections.nCopies(11, DAY))) {
            assertThatThrownBy(() -> reports().backlog(TENANT, NOW, bad))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("ageBounds"));
        }
    }
}
