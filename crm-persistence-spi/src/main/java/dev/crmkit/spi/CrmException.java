package dev.crmkit.spi;

/**
 * The root of every error CRMKit raises, from the storage contract up to the application services.
 *
 * <p>All subtypes are unchecked. A message never contains personal data (names, e-mail addresses, phone
 * numbers, free text) nor SQL text; it names fields, ids and reasons only, so it is safe to log.
 */
public abstract class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected CrmException(String message) {
        super(message);
    }

    protected CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
