package dev.crmkit.model;

/** An insert would create a second record with an id or a unique key that already exists in the tenant. */
public class DuplicateException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * A second {@code type} (such as {@code customer}) for the unique {@code key} it collided on ({@code id},
     * {@code externalRef}, {@code idempotencyKey}); the key's name, never its value, is in the message.
     */
    public DuplicateException(String type, String key) {
        super(type + " already exists for " + key);
        this.key = key;
    }

    /** The name of the unique key that was violated, for example {@code id} or {@code externalRef}. */
    public String key() {
        return key;
    }
}
