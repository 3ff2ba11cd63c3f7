package dev.crmkit.model;

import java.util.Objects;

/**
 * Input was rejected before anything was changed: the {@link #field() field path} names what was wrong
 * (for example {@code contactPoints[1].value}) and the {@link #reason() reason} says why.
 *
 * <p>The rejected value itself is never part of the message, because it may be personal data.
 */
public class ValidationException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    /**
     * A rejection of {@code field}, a path as the caller named it (such as {@code contactPoints[1].value}), for
     * {@code reason}, which must not quote the rejected value.
     *
     * @throws NullPointerException when either is null
     */
    public ValidationException(String field, String reason) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(reason, "reason"));
        this.field = field;
        this.reason = reason;
    }

    /** The path of the offending field, dotted and indexed, as the caller named it. */
    public String field() {
        return field;
    }

    /** Why the value was rejected, without repeating the value. */
    public String reason() {
        return reason;
    }

    /** The same error with its field path prefixed, for errors found inside a nested value. */
    public ValidationException within(String parentField) {
        return new ValidationException(parentField + "." + field, reason);
    }
}
