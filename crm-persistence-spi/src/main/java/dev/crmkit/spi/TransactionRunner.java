package dev.crmkit.spi;

import dev.crmkit.model.CommitOutcomeUnknownException;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.DuplicateException;
import java.util.function.Supplier;

/**
 * Runs work as one unit: every store call made inside it, on this thread, commits together or not at all.
 *
 * <p>Contract:
 * <ul>
 *   <li>A call inside a running unit joins it (there is no nesting and no savepoint).</li>
 *   <li>When the work throws, everything it wrote is rolled back and the exception propagates unchanged.</li>
 *   <li>When the work returns, its writes are committed before this method returns; a commit that fails
 *       throws a {@link CrmException} (a {@link ConflictException} where the backend detected a write conflict). A
 *       commit whose outcome the adapter cannot know (the connection was lost while committing) throws a
 *       {@link CommitOutcomeUnknownException}: the unit may have committed.</li>
 *   <li>When the backend ends a unit's transaction before it commits (it broke a deadlock or a serialization
 *       conflict, or the connection was lost), nothing of the unit commits, even if the work caught the error and
 *       returned: the rest of its writes would otherwise commit without what the backend rolled back. An adapter may
 *       then run the work of a unit it began itself (not one joined, nor a host's) again from the start, a bounded
 *       number of times; the JDBC adapter does so up to four times. Work given to a unit therefore keeps to storage:
 *       effects outside it (a message sent, a file written) cannot be rolled back and may be repeated.</li>
 *   <li>A store call that throws inside a unit changes nothing and leaves the unit usable: the work may catch
 *       the error (a {@link DuplicateException}, say) and go on; what the unit wrote before still commits. The
 *       exceptions: an error the backend ended the unit with (above), and a failure of a call whose Javadoc says it
 *       may end the unit (a loyalty posting, an outbox append, a ticket's, its milestones' or an agent slot's write, a
 *       batch of due work) in a unit the adapter began itself. Then every later call in the unit fails too, and
 *       nothing of the unit commits, even if the work caught the error and returned: never part of a write. In a
 *       host's transaction such a call too changes nothing and leaves it usable.</li>
 *   <li>Store calls made outside any unit run each in their own unit.</li>
 *   <li>Another thread never sees a unit's writes before it commits.</li>
 *   <li>An adapter that works inside a transaction owned by its host (see the JDBC adapter's host-managed mode)
 *       joins the host's transaction instead, and commit and rollback are the host's.</li>
 * </ul>
 */
public interface TransactionRunner {
    /** Runs {@code work} in a unit, joining the current one if there is one, and returns its result. */
    <T> T inTransaction(Supplier<T> work);

    /** Runs {@code work} in a unit, joining the current one if there is one. */
    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
