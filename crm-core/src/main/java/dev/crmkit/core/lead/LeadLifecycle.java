package dev.crmkit.core.lead;

import static dev.crmkit.spi.lead.LeadStatus.CONTACTED;
import static dev.crmkit.spi.lead.LeadStatus.CONVERTED;
import static dev.crmkit.spi.lead.LeadStatus.DISQUALIFIED;
import static dev.crmkit.spi.lead.LeadStatus.NEW;
import static dev.crmkit.spi.lead.LeadStatus.NURTURING;
import static dev.crmkit.spi.lead.LeadStatus.QUALIFIED;

import dev.crmkit.spi.IllegalTransitionException;
import dev.crmkit.spi.lead.LeadStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a lead, in one place:
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
 *
 * <p>A lead is contacted when someone reaches out (the first touch point by an agent does it); it is qualified
 * once the BANT answers say so; only a qualified lead converts; a lead that is not ready is nurtured and comes back
 * to contacted or qualified later; a disqualified lead may be recycled into nurturing. Conversion is final.
 */
public final class LeadLifecycle {
    private static final Map<LeadStatus, Set<LeadStatus>> NEXT = new EnumMap<>(LeadStatus.class);

    static {
        NEXT.put(NEW, EnumSet.of(CONTACTED, NURTURING, DISQUALIFIED));
        NEXT.put(CONTACTED, EnumSet.of(QUALIFIED, NURTURING, DISQUALIFIED));
        NEXT.put(QUALIFIED, EnumSet.of(CONVERTED, NURTURING, DISQUALIFIED));
        NEXT.put(NURTURING, EnumSet.of(CONTACTED, QUALIFIED, DISQUALIFIED));
        NEXT.put(DISQUALIFIED, EnumSet.of(NURTURING));
        NEXT.put(CONVERTED, EnumSet.noneOf(LeadStatus.class));
    }

    private LeadLifecycle() {
    }

    /** The states a lead in {@code from} may move to. */
    public static Set<LeadStatus> next(LeadStatus from) {
        return Set.copyOf(NEXT.get(from));
    }

    /** Whether a lead may move from {@code from} to {@code to}. */
    public static boolean allows(LeadStatus from, LeadStatus to) {
        return NEXT.get(from).contains(to);
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
