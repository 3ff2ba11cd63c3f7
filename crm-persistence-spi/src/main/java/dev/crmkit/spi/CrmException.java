package dev.crmkit.spi;

/**
 * The root of every error CRMKit raises, from the storage contract up to the application services.
 *
 * <p>All subtypes are unchecked. A message never contains personal data (names, e-mail addresses, phone
 * numbers, free text) nor SQL text; it names fields, ids and reasons only, so it is safe to log.
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
}
