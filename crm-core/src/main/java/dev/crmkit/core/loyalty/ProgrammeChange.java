package dev.crmkit.core.loyalty;

import dev.crmkit.spi.loyalty.ProgrammeRecord;
import java.util.List;

/**
 * What a behaviour of {@link ProgrammeAggregate} returns: the programme before (null for a new one), the programme it
 * now holds, and the events the change caused (none when nothing changed).
 */
record ProgrammeChange(ProgrammeRecord before, ProgrammeRecord after, List<ProgrammeEvent> events) {
    ProgrammeChange {
        events = List.copyOf(events);
    }

    /** Whether there is anything to store. */
    boolean changed() {
        return !events.isEmpty();
    }
}
