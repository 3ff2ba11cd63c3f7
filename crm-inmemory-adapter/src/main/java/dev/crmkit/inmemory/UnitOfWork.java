package dev.crmkit.inmemory;

import dev.crmkit.spi.TransactionRunner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Units of work in memory: one lock for the whole storage, held for the length of a unit, so units are
 * serializable; and an undo log, replayed backwards when the work throws, so a unit is all or nothing.
 * Every single store call runs as a unit of its own (or joins the caller's), which makes batch calls atomic too.
 */
final class UnitOfWork implements TransactionRunner {
    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<Deque<Runnable>> undoLog = new ThreadLocal<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        boolean outermost = undoLog.get() == null;
        if (outermost) {
            undoLog.set(new ArrayDeque<>());
        }
        try {
            T result = work.get();
            if (outermost) {
                undoLog.remove();
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (outermost) {
                Deque<Runnable> undo = undoLog.get();
                undoLog.remove();
                while (!undo.isEmpty()) {
                    undo.pop().run();
                }
            }
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** Remembers how to take back a change made in the current unit. */
    void onRollback(Runnable undo) {
        Deque<Runnable> log = undoLog.get();
        if (log != null) {
            log.push(undo);
        }
    }
}
