package dev.crmkit.model.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * The number of active tickets of one priority in one age band of a backlog report.
 *
 * @param priority the tickets' priority
 * @param ageBand  the age band, from 0 (the youngest) to the number of bounds asked for (the oldest)
 * @param tickets  how many, 1 or more
 */
public record BacklogCell(TicketPriority priority, int ageBand, long tickets) {
    /**
     * Checks the cell.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public BacklogCell {
        Checks.required("priority", priority);
        if (ageBand < 0 || ageBand > 10) {
            throw new ValidationException("ageBand", "must be 0 to 10");
        }
        if (tickets < 1) {
            throw new ValidationException("tickets", "must be 1 or more");
        }
    }
}
