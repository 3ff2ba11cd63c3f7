package dev.crmkit.core.scheduling;

/**
 * Does one kind of due work. The scheduler calls it inside a transaction that also completes the work, so the
 * handler's writes and the completion commit together; when the handler throws, both roll back and the work is
 * retried later. A handler may be called again for the same work (after a lease expired on a node that died),
 * so it checks that the work still needs doing.
 *
 * <p>A handler that calls out of the process (hands a message to a mail provider) answers {@code false} to
 * {@link #runsInUnit()}: the scheduler then calls it outside any transaction and completes the work afterwards in a
 * transaction of its own.
 */
@FunctionalInterface
public interface DueWorkHandler {
    /** Does the work; throws to have it retried later. */
    void handle(DueWork work);

    /**
     * Whether the scheduler calls {@link #handle} inside the transaction that completes the work ({@code true}, the
     * default). With {@code false} it calls {@code handle} outside any transaction, so no transaction and no
     * connection are held across a slow call to another system, and what the handler commits before that call stays
     * committed whatever happens after; when {@code handle} returns the scheduler completes the work unless the
     * handler rescheduled it meanwhile, and when it throws the work is retried as usual. Such a handler runs its own
     * units and guards its own writes (optimistic versions), because another node may run the same work beside it
     * once a lease ran out, and nothing rolls back what it committed.
     */
    default boolean runsInUnit() {
        return true;
    }
}
