package dev.crmkit.model;

/** The record or aggregate named by id does not exist in the caller's tenant. */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String type;
    private final String id;

    /**
     * No {@code type} (such as {@code customer}) with this id in the tenant. The id, kept as its {@code toString()},
     * appears in the message, so it must be an opaque id, never a natural key such as an e-mail address.
     */
    public NotFoundException(String type, Object id) {
        super(type + " " + id + " not found");
        this.type = type;
        this.id = String.valueOf(id);
    }

    /** The kind of thing that was looked for, for example {@code customer}. */
    public String type() {
        return type;
    }

    /** The id that was looked for. */
    public String id() {
        return id;
    }
}
