package dev.crmkit.spi;

import dev.crmkit.model.Checks;
import dev.crmkit.model.CommitOutcomeUnknownException;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.ValidationException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Makes a call again when it failed in a way a new attempt may cure, a bounded number of times, with a random pause
 * that grows with each attempt. Wrap one whole unit in it: a service call made outside any transaction, or a
 * {@link TransactionRunner#inTransaction} holding several.
 *
 * <pre>{@code
 * // any call: retried only when it failed and changed nothing
 * Customer customer = Retry.standard().unit(() -> customers.updateDetails(change));
 * // a call with an idempotency key: also retried when the commit's outcome is unknown
 * CaptureResult lead = Retry.standard().idempotentUnit(() -> leads.capture(submissionWithKey));
 * }</pre>
 *
 * <ul>
 *   <li>{@link #unit} retries a failure whose {@link CrmException#retryable()} is true: a concurrent change, a
 *       deadlock or serialization failure the database broke, a connection lost before commit. Such a failure changed
 *       nothing, so any call may be made again.</li>
 *   <li>{@link #idempotentUnit} also retries a {@link CommitOutcomeUnknownException}, whose unit may have committed:
 *       use it only for calls that are safe to repeat, those that carry an idempotency key (the second arrival
 *       returns the first one's result) or set a state absolutely.</li>
 *   <li>Every other exception, and the last failure once the attempts are used up, propagates unchanged; the
 *       failures of earlier attempts are attached to it as suppressed exceptions.</li>
 * </ul>
 *
 * <p>Do not use it inside a unit that is already open (a host's transaction, an enclosing {@code inTransaction}):
 * a failed call has spoiled the enclosing unit, which the JDBC adapter then refuses to commit; retry the enclosing
 * unit instead. The JDBC adapter already runs a unit of its own again when the database ended it before commit
 * (a deadlock, a lost connection), so what reaches a caller of a service is mostly a stale-version conflict or a
 * connection lost for longer. Instances are immutable and thread-safe.
 */
public final class Retry {
    /** Attempts in all of {@link #standard()}. */
    public static final int STANDARD_ATTEMPTS = 4;

    private final int attempts;
    private final Duration firstPause;
    private final Duration longestPause;
    private final Sleeper sleeper;

    private Retry(int attempts, Duration firstPause, Duration longestPause, Sleeper sleeper) {
        this.attempts = attempts;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.sleeper = sleeper;
    }

    /**
     * {@value #STANDARD_ATTEMPTS} attempts in all; before the second a random pause of up to 20 ms, doubling with each
     * further attempt, never above 1 s.
     */
    public static Retry standard() {
        return new Retry(STANDARD_ATTEMPTS, Duration.ofMillis(20), Duration.ofSeconds(1), Retry::sleep);
    }

    /**
     * These settings with another number of attempts in all.
     *
     * @param attempts 1 (no retry) to 100
     * @throws ValidationException ({@code attempts}) outside that range
     */
    public Retry attempts(int attempts) {
        if (attempts < 1 || attempts > 100) {
            throw new ValidationException("attempts", "must be between 1 and 100");
        }
        return new Retry(attempts, firstPause, longestPause, sleeper);
    }

    /**
     * These settings with other pauses: before attempt {@code n} (from 2) a random pause of up to
     * {@code first * 2^(n-2)}, never above {@code longest}.
     *
     * @throws ValidationException ({@code first}, {@code longest}) when one is missing or negative, or {@code longest}
     *     is shorter than {@code first}
     */
    public Retry pauses(Duration first, Duration longest) {
        Checks.required("first", first);
        Checks.required("longest", longest);
        if (first.isNegative()) {
            throw new ValidationException("first", "must not be negative");
        }
        if (longest.compareTo(first) < 0) {
            throw new ValidationException("longest", "must be at least first");
        }
        return new Retry(attempts, first, longest, sleeper);
    }

    /** These settings with another way to pause; for tests. */
    Retry sleeper(Sleeper sleeper) {
        return new Retry(attempts, firstPause, longestPause, sleeper);
    }

    /**
     * Calls {@code call}, and again after a failure whose {@link CrmException#retryable()} is true, until it succeeds
     * or the attempts are used up.
     *
     * @return what the call returned
     * @throws RuntimeException what the call threw, unchanged: at once when not retryable, else the last failure
     */
    public <T> T unit(Supplier<T> call) {
        return run(call, false);
    }

    /**
     * As {@link #unit}, and also after a {@link CommitOutcomeUnknownException}. Only for calls that are safe to repeat:
     * a call with an idempotency key, which returns the first result when it arrives again, or one that sets a state
     * absolutely.
     */
    public <T> T idempotentUnit(Supplier<T> call) {
        return run(call, true);
    }

    private <T> T run(Supplier<T> call, boolean idempotent) {
        Checks.required("call", call);
        RuntimeException last = null;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (last != null && last != e) {
                    e.addSuppressed(last);
                }
                last = e;
                if (attempt == attempts || !worthAnotherAttempt(e, idempotent)) {
                    throw e;
                }
            }
            if (!pauseBefore(attempt + 1)) {
                throw last;
            }
        }
    }

    private static boolean worthAnotherAttempt(RuntimeException failure, boolean idempotent) {
        return failure instanceof CrmException crm
                && (crm.retryable() || (idempotent && crm instanceof CommitOutcomeUnknownException));
    }

    /** Pauses before attempt {@code n}; false when interrupted (the interrupt is kept). */
    private boolean pauseBefore(int n) {
        long first = firstPause.toNanos();
        long longest = longestPause.toNanos();
        int doublings = n - 2;
        long bound = doublings < 62 && first <= longest >> doublings ? first << doublings : longest;
        Duration pause = Duration.ofNanos(ThreadLocalRandom.current().nextLong(bound + 1));
        try {
            sleeper.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(Duration pause) throws InterruptedException {
        Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);
    }

    /** How a retry waits between attempts. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }
}
