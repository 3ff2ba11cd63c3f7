package dev.crmkit.core.touchpoint;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.scheduling.DueWork;
import dev.crmkit.core.scheduling.DueWorkHandler;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.touchpoint.TaskStatus;
import dev.crmkit.spi.touchpoint.TaskRecord;
import dev.crmkit.spi.touchpoint.TaskStore;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns due work of kind {@link TouchPointService#FOLLOW_UP_DUE} into a {@link FollowUpDue} event. */
final class FollowUpDueHandler implements DueWorkHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpDueHandler.class);

    private final DomainContext context;

    FollowUpDueHandler(DomainContext context) {
        this.context = context;
    }

    @Override
    public void handle(DueWork work) {
        Optional<UUID> taskId = parse(work.key());
        if (taskId.isEmpty()) {
            LOG.warn("Due work {} of kind {} has a key that is no task id; dropping it", work.id(), work.kind());
            return;
        }
        context.storage().transactions().run(() -> {
            Instant now = context.now();
            TaskStore tasks = context.storage(TouchPointStorage.class).tasks();
            // The task's lock before its read: a completion racing on another node either commits first, and this
            // unit reads the task done, or waits, and its event follows this one in the outbox.
            try {
                tasks.lock(work.tenantId(), taskId.get());
            } catch (NotFoundException e) {
                LOG.warn("Due work {} of kind {} names a task that does not exist; dropping it", work.id(), work.kind());
                return;
            }
            // The work may be stale: a node that died held it, or the task changed after it was claimed.
            Optional<TaskRecord> task = tasks.get(work.tenantId(), taskId.get())
                    .filter(t -> t.status() == TaskStatus.OPEN && !t.dueAt().isAfter(now));
            task.ifPresent(t -> context.events().record(
                    new FollowUpDue(t.tenantId(), t.id(), t.customerId(), t.assigneeId(), t.dueAt(), now)));
        });
    }

    private static Optional<UUID> parse(String key) {
        try {
            return Optional.of(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
