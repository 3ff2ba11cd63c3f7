package dev.crmkit.spi;

/**
 * A write lost a race: the record changed since the caller read it (an optimistic version mismatch), or an
 * idempotency key was reused with a different payload. Re-read and decide again; retrying blindly is wrong.
 */
public class ConflictException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * A conflict described by {@code message}, which names the record type, the id and the version or key involved,
     * never a data value.
     */
    public ConflictException(String message) {
        super(message);
    }

    /** The standard message for an optimistic version mismatch. */
    public static ConflictException staleVersion(String type, Object id, long expectedVersion) {
        return new ConflictException(type + " " + id + " is no longer at version " + expectedVersion);
    }
}
