package dev.crmkit.core.customer;

import java.util.List;

/**
 * The outcome of a bulk import so far (in progress callbacks) or in the end.
 *
 * @param rowsRead how many rows were read
 * @param imported how many customers were stored
 * @param duplicates how many rows were skipped because they duplicate another row or a stored customer
 * @param errors every row that was not stored, with its reason, in row order
 */
public record ImportReport(long rowsRead, long imported, long duplicates, List<ImportError> errors) {
    /** Copies the errors, so a report handed to a progress callback does not change as the import goes on. */
    public ImportReport {
        errors = List.copyOf(errors);
    }
}
