package dev.crmkit.spi;

/**
 * The storage backend failed for a reason that is not the caller's input: a lost connection, a deadlock
 * the database chose to break, a full disk. The cause is kept for diagnosis; the message carries no SQL
 * text and no data values.
 */
public class StorageFailureException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * A backend failure: {@code message} says what failed in storage terms (the operation, the kind of record) without
     * SQL text or values; {@code cause} is the driver's or the database's exception.
     */
    public StorageFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
