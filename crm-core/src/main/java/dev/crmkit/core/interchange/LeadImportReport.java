package dev.crmkit.core.interchange;

import dev.crmkit.core.customer.ImportError;
import java.util.List;

/**
 * What a lead import did so far: rows read, leads created, rows merged into open leads, rows skipped because
 * they were imported before (same external id), and the rows refused, each with its row number (1 for the first
 * row after the header), field and reason. At most {@link LeadCsvImport#MAX_ERRORS} errors are kept.
 */
public record LeadImportReport(long rowsRead, long created, long merged, long replayed, List<ImportError> errors) {
    /** Copies the errors, so a report handed to a progress callback does not change as the import goes on. */
    public LeadImportReport {
        errors = List.copyOf(errors);
    }
}
