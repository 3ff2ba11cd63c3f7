package dev.crmkit.spi;

/** The operation is well formed but not allowed: missing consent, a blocked duplicate, another tenant's data. */
public class NotPermittedException extends CrmException {
    private static final long serialVersionUID = 1L;

    public NotPermittedException(String message) {
        super(message);
    }
}
