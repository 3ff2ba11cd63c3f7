package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.SatisfactionGrouping;
import dev.crmkit.model.ticket.SatisfactionSummary;
import dev.crmkit.spi.ticket.SatisfactionStorage;
import dev.crmkit.spi.ticket.SurveyResponseRecord;
import dev.crmkit.spi.ticket.SurveyStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link SurveyStore} and {@link SurveyResponseRecord}: one response per ticket, and the report the
 * database adds up per tenant, agent and team over a period, the same on every backend.
 */
public abstract class SurveyStoreContract extends ContractSupport {
    /** An agent whose id sorts first whether ids compare signed or unsigned. */
    private static final UUID AGENT_LOW = UUID.fromString("018f0000-0000-7000-8000-000000000001");
    /** An agent whose id sorts last in unsigned order but first in signed order: the order must be unsigned. */
    private static final UUID AGENT_HIGH = UUID.fromString("f18f0000-0000-7000-8000-000000000001");
    private static final UUID TEAM = UUID.fromString("018f0000-0000-7000-8000-0000000000aa");

    private SurveyStore surveys() {
        return capability(SatisfactionStorage.class).surveys();
    }

    private static SurveyResponseRecord response(String tenant, UUID agent, UUID team, int score, Instant at) {
        return new SurveyResponseRecord(tenant, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), agent, team,
                score, null, at);
    }

    @Test
    void a_response_reads_back_equal_by_its_ticket_and_only_in_its_tenant() {
        SurveyResponseRecord full = new SurveyResponseRecord(TENANT, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), AGENT_LOW, TEAM, 4, "Schnell gelöst, danke! \uD83D\uDC4D\nZweite Zeile.", NOW);
        SurveyResponseRecord bare = response(TENANT, null, null, 1, NOW.plusSeconds(1));

        surveys().insert(full);
        surveys().insert(bare);

        assertThat(surveys().forTicket(TENANT, full.ticketId())).contains(full);
        assertThat(surveys().forTicket(TENANT, bare.ticketId())).contains(bare);
        assertThat(surveys().forTicket(OTHER_TENANT, full.ticketId())).isEmpty();
        assertThat(surveys().forTicket(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void a_second_response_for_a_ticket_is_a_duplicate_on_the_ticket_and_the_first_stays() {
        SurveyResponseRecord first = response(TENANT, AGENT_LOW, null, 5, NOW);
        surveys().insert(first);
        SurveyResponseRecord second = new SurveyResponseRecord(TENANT, UUID.randomUUID(), first.ticketId(),
                first.customerId(), AGENT_HIGH, null, 1, "changed my mind", NOW.plusSeconds(60));

        assertThatThrownBy(() -> surveys().insert(second)).isInstanceOfSatisfying(DuplicateException.class,
                e -> assertThat(e.key()).isEqualTo("ticketId"));

        assertThat(surveys().forTicket(TENANT, first.ticketId())).contains(first);
        assertThat(surveys().summary(TENANT, NOW, NOW.plusSeconds(3600), SatisfactionGrouping.TENANT))
                .containsExactly(new SatisfactionSummary(null, 1, 5, 1));
    }

    @Test
    void a_response_id_is_stored_once_and_tickets_are_per_tenant() {
        SurveyResponseRecord first = response(TENANT, null, null, 3, NOW);
        surveys().insert(first);
        SurveyResponseRecord sameId = new SurveyResponseRecord(TENANT, first.id(), UUID.randomUUID(),
                first.customerId(), null, null, 2, null, NOW);
        SurveyResponseRecord otherTenant = new SurveyResponseRecord(OTHER_TENANT, UUID.randomUUID(),
                first.ticketId(), first.customerId(), null, null, 2, null, NOW);

        assertThatThrownBy(() -> surveys().insert(sameId)).isInstanceOfSatisfying(DuplicateException.class,
                e -> assertThat(e.key()).isEqualTo("id"));
        surveys().insert(otherTenant);

        assertThat(surveys().forTicket(TENANT, sameId.ticketId())).isEmpty();
        assertThat(surveys().forTicket(OTHER_TENANT, first.ticketId())).contains(otherTenant);
    }

    @Test
    void the_report_adds_up_the_period_per_tenant_agent_and_team_unassigned_first_then_in_id_order() {
        Instant from = NOW;
        Instant to = NOW.plus(Duration.ofDays(30));
        surveys().insert(response(TENANT, AGENT_HIGH, TEAM, 5, from));                 // the first moment counts
        surveys().insert(response(TENANT, AGENT_HIGH, TEAM, 2, from.plusSeconds(10)));
        surveys().insert(response(TENANT, AGENT_LOW, TEAM, 4, from.plusSeconds(20)));
        surveys().insert(response(TENANT, AGENT_LOW, null, 3, to.minusNanos(1000)));
        surveys().insert(response(TENANT, null, null, 1, from.plusSeconds(30)));
        surveys().insert(response(TENANT, AGENT_LOW, TEAM, 5, to));                    // the end does not
        surveys().insert(response(TENANT, AGENT_LOW, TEAM, 5, from.minusNanos(1000))); // nor before the start
        surveys().insert(response(OTHER_TENANT, AGENT_LOW, TEAM, 1, from.plusSeconds(5)));

        assertThat(surveys().summary(TENANT, from, to, SatisfactionGrouping.TENANT))
                .containsExactly(new SatisfactionSummary(null, 5, 15, 2));
        assertThat(surveys().summary(TENANT, from, to, SatisfactionGrouping.AGENT)).containsExactly(
                new SatisfactionSummary(null, 1, 1, 0),
                new SatisfactionSummary(AGENT_LOW, 2, 7, 1),
                new SatisfactionSummary(AGENT_HIGH, 2, 7, 1));
        assertThat(surveys().summary(TENANT, from, to, SatisfactionGrouping.TEAM)).containsExactly(
                new SatisfactionSummary(null, 2, 4, 0),
                new SatisfactionSummary(TEAM, 3, 11, 2));
        assertThat(surveys().summary(OTHER_TENANT, from, to, SatisfactionGrouping.AGENT))
                .containsExactly(new SatisfactionSummary(AGENT_LOW, 1, 1, 0));
    }

    @Test
    void a_period_without_responses_reports_no_rows_and_an_empty_or_reversed_period_is_refused() {
        surveys().insert(response(TENANT, AGENT_LOW, TEAM, 4, NOW));

        assertThat(surveys().summary(TENANT, NOW.plusSeconds(1), NOW.plusSeconds(60), SatisfactionGrouping.TENANT))
                .isEmpty();
        assertThat(surveys().summary(TENANT, NOW.plusSeconds(1), NOW.plusSeconds(60), SatisfactionGrouping.TEAM))
                .isEmpty();
        assertThatThrownBy(() -> surveys().summary(TENANT, NOW, NOW, SatisfactionGrouping.TENANT))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void a_summary_gives_the_average_and_the_satisfied_share_exactly_and_refuses_impossible_sums() {
        SatisfactionSummary summary = new SatisfactionSummary(null, 3, 11, 2);

        assertThat(summary.averageScore()).isEqualByComparingTo(new BigDecimal("3.67"));
        assertThat(summary.satisfiedPercent()).isEqualByComparingTo(new BigDecimal("66.7"));
        assertThatThrownBy(() -> new SatisfactionSummary(null, 0, 0, 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new SatisfactionSummary(null, 2, 11, 1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new SatisfactionSummary(null, 2, 1, 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new SatisfactionSummary(null, 2, 8, 3)).isInstanceOf(ValidationException.class);
    }

    @Test
    void a_record_refuses_a_score_outside_one_to_five_and_a_blank_or_too_long_comment() {
        assertThatThrownBy(() -> response(TENANT, null, null, 0, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("score"));
        assertThatThrownBy(() -> response(TENANT, null, null, 6, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("score"));
        assertThatThrownBy(() -> new SurveyResponseRecord(TENANT, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), null, null, 3, " ", NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("comment"));
        assertThatThrownBy(() -> new SurveyResponseRecord(TENANT, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), null, null, 3, "x".repeat(SurveyResponseRecord.MAX_COMMENT + 1), NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("comment"));
    }
}
