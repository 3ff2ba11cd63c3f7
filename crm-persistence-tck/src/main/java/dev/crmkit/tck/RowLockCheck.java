package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.spi.TransactionRunner;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The promise every store's {@code lock} makes: a second unit locking the row waits until the first unit, which
 * holds the lock, has committed, and then reads what the first committed, also when it read the row before it asked
 * for the lock. The first unit changes the row to version 2 only after the second has asked for the lock and after a
 * grace pause in which a lock that does not wait would have let the second through; so with a lock that does not
 * wait, the second locks first and reads version 1. A second unit whose reads keep the snapshot of its first read
 * (MariaDB at REPEATABLE READ) reads version 1 after the lock too.
 */
final class RowLockCheck {
    private static final long GRACE_MILLIS = 300;

    private RowLockCheck() {
    }

    /**
     * Runs the two units: {@code lock} takes the row's lock, {@code change} updates the row from version 1 to 2, and
     * {@code version} reads the row's stored version.
     */
    static void secondUnitWaitsForTheFirst(TransactionRunner transactions, Runnable lock, Runnable change,
            LongSupplier version) throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch firstLocked = new CountDownLatch(1);
        CountDownLatch secondAsks = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> transactions.inTransaction(() -> {
                lock.run();
                firstLocked.countDown();
                await(secondAsks, 30_000);
                await(new CountDownLatch(1), GRACE_MILLIS);
                change.run();
                order.add("first changed the row");
                return null;
            }));
            Future<Long> second = threads.submit(() -> {
                await(firstLocked, 30_000);
                secondAsks.countDown();
                return transactions.inTransaction(() -> {
                    // a unit may read before it locks: what it reads after the lock must still be what committed
                    version.getAsLong();
                    lock.run();
                    order.add("second locked the row");
                    return version.getAsLong();
                });
            });
            first.get(60, TimeUnit.SECONDS);
            long seen = second.get(60, TimeUnit.SECONDS);

            assertThat(order).as("the second unit got the lock only once the first had ended")
                    .containsExactly("first changed the row", "second locked the row");
            assertThat(seen).as("the second unit reads what the first committed").isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
