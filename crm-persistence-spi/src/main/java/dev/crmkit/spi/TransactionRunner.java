package dev.crmkit.spi;

import java.util.function.Supplier;

/**
 * Runs work as one unit: every store call made inside it, on this thread, commits together or not at all.
 *
 * <p>Contract:
 * <ul>
 *   <li>A call inside a running unit joins it (there is no nesting and no savepoint).</li>
 *   <li>When the work throws, everything it wrote is rolled back and the exception propagates unchanged.</li>
 *   <li>When the work returns, its writes are committed before this method returns; a commit that fails
 *       throws a {@link CrmException} (a {@link ConflictException} where the backend detected a write conflict).</li>
 *   <li>A store call that throws inside a unit changes nothing and leaves the unit usable: the work may catch
 *       the error (a {@link DuplicateException}, say) and go on; what the unit wrote before still commits.</li>
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
