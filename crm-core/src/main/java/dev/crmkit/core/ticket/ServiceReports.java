package dev.crmkit.core.ticket;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.BacklogCell;
import dev.crmkit.model.ticket.MilestoneTimes;
import dev.crmkit.model.ticket.SatisfactionGrouping;
import dev.crmkit.model.ticket.SatisfactionSummary;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The service desk's reports for one tenant, each computed by the database in one query: how long first responses
 * and resolutions took in business time and how often they met their target, the backlog by age and priority,
 * satisfaction per agent and the knowledge base's deflection rate.
 */
public interface ServiceReports {
    /** The age bands of {@link #backlog()}: younger than a day, 1 to 3 days, 3 to 7, 7 to 30, and older. */
    List<Duration> DEFAULT_AGE_BOUNDS = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7),
            Duration.ofDays(30));

    /**
     * Per milestone kind ({@code FIRST_RESPONSE} for first-response times, {@code NEXT_RESPONSE},
     * {@code RESOLUTION} for resolution times), the milestones completed in {@code [from, to)}: the median and 90th
     * percentile of the business time they took (paused time not counted; whole seconds) and the SLA attainment,
     * the share not breached. Only tickets measured by an SLA policy have milestones.
     *
     * @throws ValidationException ({@code to}) when {@code to} is not after {@code from}
     */
    List<MilestoneTimes> milestoneTimes(Instant from, Instant to);

    /** The active tickets now, per priority and the {@link #DEFAULT_AGE_BOUNDS} bands of their age. */
    List<BacklogCell> backlog();

    /**
     * The active tickets now, per priority and age band (band {@code i} is younger than {@code ageBounds[i]}, the last
     * band at least the last bound old); only cells with tickets, by priority then band.
     *
     * @throws ValidationException ({@code ageBounds}) unless they are 1 to 10 positive durations in increasing order
     */
    List<BacklogCell> backlog(List<Duration> ageBounds);

    /**
     * The satisfaction survey answers of {@code [from, to)} per agent, as
     * {@link SatisfactionSurveys#satisfaction(Instant, Instant, SatisfactionGrouping)} gives them; empty when the
     * storage keeps no surveys.
     *
     * @throws ValidationException ({@code to}) when {@code to} is not after {@code from}
     */
    List<SatisfactionSummary> satisfactionByAgent(Instant from, Instant to);

    /**
     * The knowledge base's deflection rate over the article views of {@code [from, to)}: deflected views in percent of
     * all views (one decimal, half up), from {@link KnowledgeBase#deflection}'s figures; empty when nothing was viewed
     * or the storage keeps no knowledge base.
     *
     * @throws ValidationException ({@code to}) when {@code to} is not after {@code from}
     */
    Optional<BigDecimal> deflectionPercent(Instant from, Instant to);
}
