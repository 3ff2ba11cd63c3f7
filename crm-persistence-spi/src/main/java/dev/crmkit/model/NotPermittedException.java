package dev.crmkit.model;

/** The operation is well formed but not allowed: missing consent, a blocked duplicate, another tenant's data. */
public class NotPermittedException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** A refusal; {@code message} names the rule that refused, without personal data. */
    public NotPermittedException(String message) {
        super(message);
    }
}
