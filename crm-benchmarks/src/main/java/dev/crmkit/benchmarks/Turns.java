package dev.crmkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;

/**
 * The time of contenders that take turns: each part's wall time and the CPU time of the calling thread, added up per
 * contender. On embedded H2, where the database works in the calling thread, the ratio of CPU times is the ratio of
 * the work each contender asks for, whatever else runs on the machine (garbage collection aside).
 */
final class Turns {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Turns() {
    }

    /** One contender's part of a turn. */
    interface Part {
        void run() throws SQLException;
    }

    /** Runs one part, adding its wall time to {@code into[0]} and this thread's CPU time to {@code into[1]}. */
    static void timed(long[] into, Part part) throws SQLException {
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        part.run();
        into[1] += THREADS.getCurrentThreadCpuTime() - cpu;
        into[0] += System.nanoTime() - start;
    }

    /**
     * One turn of two contenders: on even turns {@code raw} first, on odd ones {@code crmkit} first, so a burst of other
     * work on the machine, or the database's background work after one contender's writes, falls on both.
     */
    static void take(int turn, long[] rawTime, Part raw, long[] crmkitTime, Part crmkit) throws SQLException {
        if (turn % 2 == 0) {
            timed(rawTime, raw);
            timed(crmkitTime, crmkit);
        } else {
            timed(crmkitTime, crmkit);
            timed(rawTime, raw);
        }
    }
}
