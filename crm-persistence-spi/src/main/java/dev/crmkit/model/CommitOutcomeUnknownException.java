package dev.crmkit.model;

import dev.crmkit.spi.Retry;

/**
 * The connection to the database was lost while a unit was committing: the database may have committed the unit or
 * rolled it back, and the caller cannot tell which. Not {@link #retryable()}: calling again might do the work twice.
 *
 * <p>What to do: a call that carries an idempotency key (a lead capture, a deal opened, a follow-up scheduled, a touch
 * point recorded with one) may be made again with the same key: if the first attempt committed, the second returns its
 * result instead of repeating it; if not, the second does the work. So may a call that sets a state absolutely (moving
 * a deal to a stage, assigning an owner). {@link Retry#idempotentUnit} retries such calls; for any other call, read
 * what is stored and decide.
 */
public class CommitOutcomeUnknownException extends StorageFailureException {
    private static final long serialVersionUID = 1L;

    /**
     * An unknown commit outcome.
     *
     * @param message what was committing and why its outcome is unknown; no SQL text, no data values
     * @param cause the backend's error, kept for diagnosis
     */
    public CommitOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause, false);
    }
}
