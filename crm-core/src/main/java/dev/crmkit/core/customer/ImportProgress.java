package dev.crmkit.core.customer;

/** Told after every committed batch of an import how far it got. Runs on the importing thread. */
@FunctionalInterface
public interface ImportProgress {
    /** Does nothing. */
    ImportProgress NONE = soFar -> { };

    /** Receives the report as of the batch that just committed. */
    void batchCommitted(ImportReport soFar);
}
