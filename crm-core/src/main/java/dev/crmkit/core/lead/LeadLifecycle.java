package dev.crmkit.core.lead;

import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.lead.LeadStatus;
import java.util.Set;

/**
 * The moves a lead's lifecycle allows, for callers that show which actions a lead offers (a button to qualify, to
 * recycle). The lifecycle itself, with the rules behind each move, is written down once, in the lead aggregate
 * ({@code LeadAggregate}); see {@link LeadService} for the commands that make the moves:
 *
 * <pre>
 *   capture --&gt; NEW --&gt; CONTACTED --&gt; QUALIFIED --&gt; CONVERTED   (final)
 *                |         |     ^        |     ^
 *                |         v     |        v     |
 *                +-----&gt; NURTURING &lt;------+     |
 *                            |                  |
 *                            +------------------+   (a nurtured lead comes back contacted or qualified)
 *
 *   NEW, CONTACTED, QUALIFIED, NURTURING --&gt; DISQUALIFIED (with a reason) --&gt; NURTURING   (recycled)
 * </pre>
 */
public final class LeadLifecycle {
    private LeadLifecycle() {
    }

    /** The states a lead in {@code from} may move to. */
    public static Set<LeadStatus> next(LeadStatus from) {
        return LeadAggregate.next(from);
    }

    /** Whether a lead may move from {@code from} to {@code to}. */
    public static boolean allows(LeadStatus from, LeadStatus to) {
        return next(from).contains(to);
    }

    /**
     * Checks a move.
     *
     * @throws IllegalTransitionException naming both states when the lifecycle does not connect them
     */
    public static void check(LeadStatus from, LeadStatus to) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException("lead", from, to);
        }
    }
}
