package dev.crmkit.model;

import dev.crmkit.spi.Retry;

/**
 * The root of every error CRMKit raises, from the storage contract up to the application services.
 *
 * <p>All subtypes are unchecked. A message never contains personal data (names, e-mail addresses, phone
 * numbers, free text) nor SQL text; it names fields, ids and reasons only, so it is safe to log.
 *
 * <p>What a caller can do about an error:
 * <ul>
 *   <li>{@link #retryable()} true: the call failed for a passing reason (a concurrent writer, a deadlock the
 *       database broke, a connection lost before anything was committed) and changed nothing; making the same call
 *       again may succeed. {@link Retry} does so with bounded attempts and backoff.</li>
 *   <li>{@link CommitOutcomeUnknownException}: the connection was lost while the unit was committing, so it may have
 *       committed or not. Calling again is safe only for a call that is idempotent: one that carries an idempotency
 *       key, whose second arrival returns the first result, or one that sets a state absolutely.
 *       {@link Retry#idempotentUnit} retries those.</li>
 *   <li>Anything else ({@link ValidationException}, {@link NotFoundException}, {@link DuplicateException},
 *       {@link IllegalTransitionException}, {@link NotPermittedException}, a {@link ConflictException} or
 *       {@link StorageFailureException} that is not retryable): the same call fails the same way again; change the
 *       input or tell the user.</li>
 * </ul>
 */
public abstract class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** For subtypes: {@code message} names fields, ids and reasons only, as the class comment requires. */
    protected CrmException(String message) {
        super(message);
    }

    /**
     * For subtypes: {@code message} as above, and the underlying failure as the {@code cause}, kept for diagnosis; a
     * cause's own message may hold SQL or values, so it is never copied into {@code message}.
     */
    protected CrmException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether making the same call again may succeed: the failure was passing (a concurrent change, a deadlock or
     * serialization failure the database broke, a connection lost before commit) and the call changed nothing. A
     * service call reads afresh each time, so calling it again is safe. False for errors that would recur, and for
     * a {@link CommitOutcomeUnknownException}, whose call may have changed something.
     */
    public boolean retryable() {
        return false;
    }
}
