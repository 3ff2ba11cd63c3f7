package dev.crmkit.core.opportunity;

import dev.crmkit.model.opportunity.PipelineStage;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import java.util.List;

/**
 * What one behaviour of an {@link OpportunityAggregate} did: the record the deal held before (null for a deal just
 * opened), the record it holds now, the stage it entered (null when it stayed in its stage) and the events the change
 * caused, in order. The service stores {@code after} over {@code before}'s version (or inserts it), appends an
 * entered stage to the stage history and moves the stalled alert with it, and records the events.
 */
record OpportunityChange(OpportunityRecord before, OpportunityRecord after, PipelineStage entered,
        List<OpportunityEvent> events) {
    OpportunityChange {
        events = List.copyOf(events);
    }

    /** No change to a deal. */
    static OpportunityChange none(OpportunityRecord deal) {
        return new OpportunityChange(deal, deal, null, List.of());
    }

    /** Whether the deal was opened by this change, and so is inserted. */
    boolean isOpening() {
        return before == null;
    }

    /** Whether there is anything to store: a new deal, a record that differs from the one read, or events. */
    boolean changed() {
        return before == null || !before.equals(after) || !events.isEmpty();
    }

    /** The stage the deal left when it entered another: null for a deal just opened. */
    String leftStage() {
        return before == null ? null : before.stageKey();
    }
}
