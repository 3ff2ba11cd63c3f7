package dev.crmkit.core.opportunity;

import dev.crmkit.spi.IllegalTransitionException;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import dev.crmkit.spi.opportunity.ReopenRule;
import dev.crmkit.spi.opportunity.StageOutcome;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a deal in one place. Its status is the outcome of its stage:
 *
 * <pre>
 *            move to another open stage
 *              +--------+
 *              v        |
 *   open --> [ OPEN ] --+--- close won ---> [ WON ]
 *              ^  |                            |
 *              |  +----- close lost --> [ LOST ]
 *              |                          |    |
 *              +------ reopen (by the pipeline's ReopenRule) ------+
 * </pre>
 *
 * A won deal is never lost directly, nor a lost one won: it is reopened first, so the stage history shows it.
 */
final class OpportunityLifecycle {
    private static final Map<StageOutcome, Set<StageOutcome>> ALLOWED = Map.of(
            StageOutcome.OPEN, EnumSet.of(StageOutcome.OPEN, StageOutcome.WON, StageOutcome.LOST),
            StageOutcome.WON, EnumSet.of(StageOutcome.OPEN),
            StageOutcome.LOST, EnumSet.of(StageOutcome.OPEN));

    private OpportunityLifecycle() {
    }

    /** Throws unless a deal in {@code from} may move to {@code to}. */
    static void check(StageOutcome from, StageOutcome to) {
        if (!ALLOWED.get(from).contains(to)) {
            throw new IllegalTransitionException("opportunity", from, to);
        }
    }

    /** Throws unless an open deal may move to another open stage; a closed deal is reopened instead. */
    static void checkMove(OpportunityRecord deal, String toStage) {
        if (deal.status() != StageOutcome.OPEN) {
            throw new IllegalTransitionException("opportunity", deal.status(), toStage);
        }
    }

    /** Throws unless a closed deal may be reopened now under its pipeline's rule. */
    static void checkReopen(OpportunityRecord deal, ReopenRule rule, Instant now) {
        if (deal.status() == StageOutcome.OPEN) {
            throw new IllegalTransitionException("opportunity", StageOutcome.OPEN, "OPEN (only closed deals reopen)");
        }
        if (!rule.allows(deal.closedAt(), now)) {
            throw new IllegalTransitionException("opportunity", deal.status() + " (reopen rule " + rule.kind()
                    + (rule.kind() == ReopenRule.Kind.WITHIN_DAYS ? " " + rule.days() + " days" : "") + ")",
                    StageOutcome.OPEN);
        }
    }
}
