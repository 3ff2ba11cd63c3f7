package dev.crmkit.core.touchpoint;

import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.touchpoint.TaskStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a follow-up task in one place. An open task may stay open (reassigned, rescheduled), be done or be
 * cancelled; a done or cancelled task is closed for good, because its due work and its events are over.
 */
final class FollowUpLifecycle {
    private static final Map<TaskStatus, Set<TaskStatus>> ALLOWED = Map.of(
            TaskStatus.OPEN, EnumSet.of(TaskStatus.OPEN, TaskStatus.DONE, TaskStatus.CANCELLED),
            TaskStatus.DONE, EnumSet.noneOf(TaskStatus.class),
            TaskStatus.CANCELLED, EnumSet.noneOf(TaskStatus.class));

    private FollowUpLifecycle() {
    }

    /** Throws unless a task in {@code from} may move to {@code to}. */
    static void check(TaskStatus from, TaskStatus to) {
        if (!ALLOWED.get(from).contains(to)) {
            throw new IllegalTransitionException("follow-up", from, to);
        }
    }
}
