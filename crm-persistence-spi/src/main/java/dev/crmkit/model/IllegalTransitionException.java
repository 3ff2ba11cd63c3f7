package dev.crmkit.model;

/** A lifecycle was asked to move between two states it does not connect; the message names both. */
public class IllegalTransitionException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String from;
    private final String to;

    /**
     * A refused move of a {@code type} (such as {@code lead}) from state {@code from} to state {@code to}, both kept as
     * their {@code toString()} (an enum constant's name).
     */
    public IllegalTransitionException(String type, Object from, Object to) {
        super(type + " cannot move from " + from + " to " + to);
        this.from = String.valueOf(from);
        this.to = String.valueOf(to);
    }

    /** The state the aggregate is in. */
    public String from() {
        return from;
    }

    /** The state the caller asked for. */
    public String to() {
        return to;
    }
}
