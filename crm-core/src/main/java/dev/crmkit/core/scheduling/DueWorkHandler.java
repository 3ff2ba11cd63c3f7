package dev.crmkit.core.scheduling;

/**
 * Does one kind of due work. The scheduler calls it inside a transaction that also completes the work, so the
 * handler's writes and the completion commit together; when the handler throws, both roll back and the work is
 * retried later. A handler may be called again for the same work (after a lease expired on a node that died),
 * so it checks that the work still needs doing.
 */
@FunctionalInterface
public interface DueWorkHandler {
    /** Does the work; throws to have it retried later. */
    void handle(DueWork work);
}
