package dev.crmkit.model;

/**
 * A write lost a race, or was refused because it contradicts an earlier one. Which of the two {@link #retryable()}
 * says:
 * <ul>
 *   <li>Retryable: the record changed since it was read (an optimistic version mismatch), or the database aborted the
 *       unit to break a deadlock or a serialization conflict, or it waited too long for another unit's lock. Nothing
 *       was changed. A service call reads the records it changes afresh, so calling it again may succeed. A
 *       caller of a store passing an {@code expectedVersion} must read the record again first.</li>
 *   <li>Not retryable: an idempotency key reused for a different request, a merge chain too long, and other refusals
 *       that the same call would meet again. Re-read and decide again.</li>
 * </ul>
 */
public class ConflictException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * A conflict that calling again would meet again (not {@link #retryable()}), described by {@code message}, which
     * names the record type, the id and the version or key involved, never a data value.
     */
    public ConflictException(String message) {
        this(message, false);
    }

    /**
     * A conflict, {@link #retryable()} or not.
     *
     * @param retryable whether the failed call changed nothing and the same call made again may succeed
     */
    public ConflictException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    /** The standard message for an optimistic version mismatch; retryable, since a new read sees the new version. */
    public static ConflictException staleVersion(String type, Object id, long expectedVersion) {
        return new ConflictException(type + " " + id + " is no longer at version " + expectedVersion, true);
    }

    @Override
    public boolean retryable() {
        return retryable;
    }
}
