package dev.crmkit.model.touchpoint;

/** A follow-up task is open until it is done or cancelled. */
public enum TaskStatus {
    /** To be done. In the core's lifecycle only an open task changes; done and cancelled are final. */
    OPEN,
    /** Done, at its {@code completedAt}. */
    DONE,
    /** Dropped without being done, at its {@code completedAt}. */
    CANCELLED
}
