package dev.crmkit.model;

/**
 * The storage backend failed for a reason that is not the caller's input: a lost connection, a full disk, a schema
 * that is missing or older than the code. The cause is kept for diagnosis; the message carries no SQL text and no data
 * values.
 *
 * <p>{@link #retryable()} is true when nothing was committed and a new attempt may succeed: the connection was lost
 * (or none could be had) before the unit began to commit. A connection lost while committing is a
 * {@link CommitOutcomeUnknownException} instead: the unit may have committed.
 */
public class StorageFailureException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * A backend failure that calling again would meet again, or whose outcome is not known (not {@link #retryable()}):
     * {@code message} says what failed in storage terms (the operation, the kind of record) without SQL text or values;
     * {@code cause} is the driver's or the database's exception.
     */
    public StorageFailureException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * A failure, {@link #retryable()} or not.
     *
     * @param retryable whether nothing was committed and the same call made again may succeed
     */
    public StorageFailureException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }
}
