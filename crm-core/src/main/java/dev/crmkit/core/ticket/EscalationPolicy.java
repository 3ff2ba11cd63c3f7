package dev.crmkit.core.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.TicketPriority;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tenant's escalation policy: the {@link EscalationStep}s that run as a ticket's milestones near their breach and at
 * it. Each step runs once per milestone (a milestone started again, as the resolution milestone of a reopened ticket
 * is, is a new milestone).
 *
 * <pre>{@code
 * EscalationPolicy policy = EscalationPolicy.of(List.of(
 *         EscalationStep.before(FIRST_RESPONSE, Duration.ofMinutes(30), "notify"),
 *         EscalationStep.atBreach(FIRST_RESPONSE, "notify", "raise-priority"),
 *         EscalationStep.atBreach(RESOLUTION, "reassign-next-tier")));
 * }</pre>
 *
 * @param steps the steps, at most 100, no two for the same milestone, priority and moment
 */
public record EscalationPolicy(List<EscalationStep> steps) {
    /**
     * Checks the steps.
     *
     * @throws ValidationException ({@code steps}) when null, holding null, more than 100 or two alike
     */
    public EscalationPolicy {
        Checks.noNulls("steps", steps);
        if (steps.size() > 100) {
            throw new ValidationException("steps", "must be at most 100");
        }
        Set<List<Object>> seen = new HashSet<>();
        for (EscalationStep step : steps) {
            if (!seen.add(java.util.Arrays.asList(step.milestone(), step.priority(), step.beforeBreach()))) {
                throw new ValidationException("steps", "must not hold two steps for the same milestone, priority and"
                        + " moment");
            }
        }
        steps = List.copyOf(steps);
    }

    /** A policy of these steps. */
    public static EscalationPolicy of(List<EscalationStep> steps) {
        return new EscalationPolicy(steps);
    }

    /** A policy without steps: nothing escalates (a breach is still recorded). */
    public static EscalationPolicy none() {
        return new EscalationPolicy(List.of());
    }

    /** How long before the due time some step of the milestone runs, at breach (zero) always included. */
    Set<Duration> moments(MilestoneKind milestone) {
        Set<Duration> moments = new TreeSet<>(Set.of(Duration.ZERO));
        steps.stream().filter(s -> s.milestone() == milestone).forEach(s -> moments.add(s.beforeBreach()));
        return moments;
    }

    /**
     * The steps that run for the milestone at this moment on a ticket of this priority: those for the priority when
     * there are some, else those for any priority.
     */
    List<EscalationStep> stepsFor(MilestoneKind milestone, TicketPriority priority, Duration beforeBreach) {
        List<EscalationStep> at = steps.stream()
                .filter(s -> s.milestone() == milestone && s.beforeBreach().equals(beforeBreach)).toList();
        List<EscalationStep> specific = at.stream().filter(s -> s.priority() == priority).toList();
        return specific.isEmpty() ? at.stream().filter(s -> Objects.isNull(s.priority())).toList() : specific;
    }
}
