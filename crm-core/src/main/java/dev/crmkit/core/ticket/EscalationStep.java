package dev.crmkit.core.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.TicketPriority;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One step of an {@link EscalationPolicy}: when a running milestone of a kind comes within {@code beforeBreach} of its
 * due time (a warning), or reaches it ({@code beforeBreach} zero: at breach), the named {@link EscalationAction}s run,
 * in order. {@code beforeBreach} is wall-clock time before the milestone's due time.
 *
 * @param milestone    the milestone it watches
 * @param priority     the ticket priority it is for, or null for any; of the steps of one milestone and moment that
 *                     match a ticket, those for its priority replace those for any
 * @param beforeBreach how long before the due time it runs: whole minutes, from zero (at breach) to 366 days
 * @param actions      the names of the actions it runs, in order: 1 to 10, no name twice
 */
public record EscalationStep(MilestoneKind milestone, TicketPriority priority, Duration beforeBreach,
        List<String> actions) {
    /** The longest warning ahead of a breach. */
    public static final Duration MAX_WARNING = Duration.ofDays(366);

    /**
     * Checks the step.
     *
     * @throws ValidationException ({@code milestone}) when null; ({@code beforeBreach}) when null, negative, not whole
     *     minutes or over {@link #MAX_WARNING}; ({@code actions}) when null, empty, more than 10, holding a name twice
     *     or a name that is not an action's name
     */
    public EscalationStep {
        Checks.required("milestone", milestone);
        Checks.required("beforeBreach", beforeBreach);
        if (beforeBreach.isNegative() || !beforeBreach.truncatedTo(ChronoUnit.MINUTES).equals(beforeBreach)
                || beforeBreach.compareTo(MAX_WARNING) > 0) {
            throw new ValidationException("beforeBreach", "must be whole minutes, from zero (at breach) to 366 days");
        }
        Checks.noNulls("actions", actions);
        if (actions.isEmpty() || actions.size() > 10) {
            throw new ValidationException("actions", "must name 1 to 10 actions");
        }
        Set<String> seen = new HashSet<>();
        for (String action : actions) {
            if (!PriorityRule.NAME.matcher(action).matches()) {
                throw new ValidationException("actions", "must be names of 1 to 50 lower-case letters, digits or '-'");
            }
            if (!seen.add(action)) {
                throw new ValidationException("actions", "must not name an action twice");
            }
        }
        actions = List.copyOf(actions);
    }

    /** A step at the milestone's breach, for every priority. */
    public static EscalationStep atBreach(MilestoneKind milestone, String... actions) {
        return new EscalationStep(milestone, null, Duration.ZERO, List.of(actions));
    }

    /** A warning step {@code beforeBreach} ahead of the milestone's due time, for every priority. */
    public static EscalationStep before(MilestoneKind milestone, Duration beforeBreach, String... actions) {
        return new EscalationStep(milestone, null, beforeBreach, List.of(actions));
    }

    /** This step for tickets of one priority only. */
    public EscalationStep forPriority(TicketPriority forPriority) {
        return new EscalationStep(milestone, Checks.required("priority", forPriority), beforeBreach, actions);
    }

    /** Whether it is the step at breach rather than a warning. */
    public boolean atBreach() {
        return beforeBreach.isZero();
    }
}
