package dev.crmkit.core.lead;

import dev.crmkit.spi.lead.LeadRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What one behaviour of a {@link LeadAggregate} did: the record the lead held before (null for a lead just
 * captured), the record it holds now, and the events the change caused, in order. The service stores {@code after}
 * over {@code before}'s version (or inserts it), records the events, and ends or schedules the lead's first-contact
 * alert as {@link #endsFirstContactAlert()} and {@link #isCapture()} say.
 */
record LeadChange(LeadRecord before, LeadRecord after, List<LeadEvent> events) {
    LeadChange {
        events = List.copyOf(events);
    }

    /** No change to a lead. */
    static LeadChange none(LeadRecord lead) {
        return new LeadChange(lead, lead, List.of());
    }

    /** Whether there is anything to store: a new lead, a record that differs from the one read, or events. */
    boolean changed() {
        return before == null || !before.equals(after) || !events.isEmpty();
    }

    /** Whether the lead was captured by this change, and so is inserted, with its first-contact alert scheduled. */
    boolean isCapture() {
        return before == null;
    }

    /** This change followed by what {@code next} does to the lead as this change leaves it. */
    LeadChange then(Function<LeadAggregate, LeadChange> next) {
        LeadChange following = next.apply(new LeadAggregate(after));
        List<LeadEvent> all = new ArrayList<>(events);
        all.addAll(following.events());
        return new LeadChange(before, following.after(), all);
    }

    /**
     * This change with the lead scored again by {@code scoring}, which sees the lead as the change leaves it; a
     * {@link LeadScored} follows the change's events when the points moved. A closed lead keeps the score it
     * closed with: it is no longer worked, and its score is history the funnel and the predictive model learn from.
     */
    LeadChange rescored(Function<LeadRecord, LeadScore> scoring, Instant now) {
        if (!after.isOpen()) {
            return this;
        }
        LeadScore score = scoring.apply(after);
        LeadRecord scored = after.withScore(score.points(), score.factors());
        if (scored.equals(after)) {
            return this;
        }
        List<LeadEvent> all = new ArrayList<>(events);
        if (score.points() != after.score()) {
            all.add(new LeadScored(after.tenantId(), after.id(), after.score(), score.points(), now));
        }
        return new LeadChange(before, scored.touched(now), all);
    }

    /**
     * Whether the lead's first-contact alert is no longer needed: the lead had its first contact, or it closed.
     * Work that is left due finds the lead contacted or closed and raises nothing, so this only saves the alert its
     * run.
     */
    boolean endsFirstContactAlert() {
        if (before == null) {
            return false;
        }
        boolean firstContact = before.firstContactedAt() == null && after.firstContactedAt() != null;
        boolean closed = before.isOpen() && !after.isOpen();
        return firstContact || closed;
    }
}
