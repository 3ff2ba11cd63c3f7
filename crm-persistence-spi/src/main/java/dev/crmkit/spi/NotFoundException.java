package dev.crmkit.spi;

/** The record or aggregate named by id does not exist in the caller's tenant. */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String type;
    private final String id;

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
