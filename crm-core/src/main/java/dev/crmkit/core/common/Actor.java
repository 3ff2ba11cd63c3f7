package dev.crmkit.core.common;

import dev.crmkit.model.Checks;

/**
 * Who did something: a user of the host application, or the system itself (an import, a scheduled job).
 * Recorded on events and audit entries; {@code id} is the host's opaque user id, at most 100 characters and never an
 * e-mail address (events carry no personal data).
 */
public record Actor(String id, Kind kind) {
    /** Whether a person or the system acted. */
    public enum Kind {
        /** A user of the host application, named by the host's opaque user id. */
        USER,
        /** CRMKit or the host acting on its own, named by the kind of work ({@code import}, {@code scheduler}). */
        SYSTEM
    }

    /**
     * @throws dev.crmkit.model.ValidationException ({@code actor.id}) unless the id is 1 to 100 characters without an
     *     {@code @}; ({@code actor.kind}) when the kind is null
     */
    public Actor {
        Checks.userId("actor.id", id);
        Checks.required("actor.kind", kind);
    }

    /** A user of the host application. */
    public static Actor user(String id) {
        return new Actor(id, Kind.USER);
    }

    /** The system, doing work of the named kind ({@code import}, {@code scheduler}). */
    public static Actor system(String what) {
        return new Actor(what, Kind.SYSTEM);
    }
}
