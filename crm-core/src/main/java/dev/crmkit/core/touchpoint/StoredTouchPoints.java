package dev.crmkit.core.touchpoint;

import dev.crmkit.core.common.MergeChain;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.model.touchpoint.TaskStatus;
import dev.crmkit.model.touchpoint.TimelineFilter;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.idempotency.IdempotencyKey;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import dev.crmkit.spi.touchpoint.TaskRecord;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

final class StoredTouchPoints implements TouchPointService {
    private static final int MAX_DAYS = 3650;

    private final DomainContext context;
    private final Storage storage;
    private final CustomerStorage customerStorage;
    private final TouchPointStorage touchPointStorage;
    private final String tenantId;

    StoredTouchPoints(DomainContext context, String tenantId) {
        this.context = context;
        this.storage = context.storage();
        this.customerStorage = this.storage.capability(CustomerStorage.class).orElseThrow();
        this.touchPointStorage = this.storage.capability(TouchPointStorage.class).orElseThrow();
        this.tenantId = tenantId;
    }

    @Override
    public Interaction record(RecordInteraction command) {
        Checks.required("command", command);
        try {
            return inTransaction(() -> recordOnce(command));
        } catch (DuplicateException e) {
            if (command.idempotencyKey() == null || !"idempotencyKey".equals(e.key())) {
                throw e;
            }
            // A concurrent retry with the same key won the insert; answer as if it had come first.
            return inTransaction(() -> replay(command, survivorId(command.customerId())).orElseThrow(() -> e));
        }
    }

    private Interaction recordOnce(RecordInteraction command) {
        UUID customerId = survivorId(command.customerId());
        Optional<Interaction> earlier = replay(command, customerId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = context.now();
        InteractionRecord stored = touchPointStorage.interactions().insert(new InteractionRecord(tenantId, context.ids().next(),
                1, now, now, customerId, command.channel(), command.direction(), command.purpose(), command.outcome(),
                command.agentId(), command.summary(), command.occurredAt(), command.idempotencyKey()));
        context.events().record(new InteractionRecorded(tenantId, stored.id(), customerId, stored.channel(),
                stored.direction(), stored.purpose(), stored.outcome(), stored.occurredAt(), now));
        return Interaction.of(stored);
    }

    /** The interaction recorded earlier under the command's idempotency key, if the content is the same. */
    private Optional<Interaction> replay(RecordInteraction command, UUID customerId) {
        if (command.idempotencyKey() == null) {
            return Optional.empty();
        }
        return touchPointStorage.interactions().findByIdempotencyKey(tenantId, command.idempotencyKey()).map(existing -> {
            if (!sameContent(existing, command, customerId)) {
                throw new ConflictException("idempotency key was used before for a different interaction");
            }
            return Interaction.of(existing);
        });
    }

    private static boolean sameContent(InteractionRecord existing, RecordInteraction command, UUID customerId) {
        return existing.customerId().equals(customerId)
                && existing.channel() == command.channel()
                && existing.direction() == command.direction()
                && existing.purpose() == command.purpose()
                && Objects.equals(existing.outcome(), command.outcome())
                && Objects.equals(existing.agentId(), command.agentId())
                && Objects.equals(existing.summary(), command.summary())
                && existing.occurredAt().equals(command.occurredAt());
    }

    @Override
    public Interaction interaction(UUID interactionId) {
        Checks.id("interactionId", interactionId);
        return touchPointStorage.interactions().get(tenantId, interactionId).map(Interaction::of)
                .orElseThrow(() -> new NotFoundException("interaction", interactionId));
    }

    @Override
    public Page<Interaction> timeline(UUID customerId, TimelineFilter filter, PageRequest page) {
        Checks.id("customerId", customerId);
        Checks.required("filter", filter);
        Checks.required("page", page);
        // The hot path is one query: a customer with interactions on the page exists and is live, because a merge
        // moves every interaction to the survivor. Only an empty page needs the customer read, to tell an unknown
        // id (not found) from a merged one (read the survivor's timeline) from a quiet customer (empty page).
        Page<InteractionRecord> records = touchPointStorage.interactions().timeline(tenantId, customerId, filter, page);
        if (records.items().isEmpty()) {
            UUID survivor = survivorId(customerId);
            if (!survivor.equals(customerId)) {
                records = touchPointStorage.interactions().timeline(tenantId, survivor, filter, page);
            }
        }
        return new Page<>(records.items().stream().map(Interaction::of).toList(), records.next());
    }

    @Override
    public long outboundMarketingContacts(UUID customerId, int days) {
        Checks.id("customerId", customerId);
        Checks.limit("days", days, MAX_DAYS);
        return inTransaction(() -> touchPointStorage.interactions().count(tenantId, survivorId(customerId), Direction.OUTBOUND,
                Purpose.MARKETING, context.now().minus(Duration.ofDays(days))));
    }

    @Override
    public FollowUp schedule(ScheduleFollowUp command) {
        return schedule(command, null);
    }

    @Override
    public FollowUp schedule(ScheduleFollowUp command, String idempotencyKey) {
        String key = Checks.optionalText("idempotencyKey", idempotencyKey, 100);
        if (key != null && key.isBlank()) {
            throw new ValidationException("idempotencyKey", "must not be blank");
        }
        Checks.required("command", command);
        return inTransaction(() -> {
            UUID customerId = survivorId(command.customerId());
            if (key != null) {
                Optional<FollowUp> earlier = scheduledWith(key, customerId);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            if (command.interactionId() != null) {
                InteractionRecord interaction = touchPointStorage.interactions().get(tenantId, command.interactionId())
                        .orElseThrow(() -> new NotFoundException("interaction", command.interactionId()));
                if (!interaction.customerId().equals(customerId)) {
                    throw new ValidationException("interactionId", "belongs to another customer");
                }
            }
            Instant now = context.now();
            UUID id = context.ids().next();
            if (key != null) {
                try {
                    storage.idempotency().recordAll(List.of(new IdempotencyKey(tenantId, SCHEDULE_SCOPE, key, id,
                            now)));
                } catch (DuplicateException e) {
                    // another node scheduled the follow-up with this key a moment ago
                    return scheduledWith(key, customerId).orElseThrow();
                }
            }
            TaskRecord task = touchPointStorage.tasks().insert(new TaskRecord(tenantId, id, 1, now, now,
                    customerId, command.interactionId(), command.title(), command.assigneeId(), command.dueAt(),
                    TaskStatus.OPEN, null));
            scheduleDueWork(task);
            context.events().record(new FollowUpScheduled(tenantId, task.id(), customerId, task.interactionId(),
                    task.assigneeId(), task.dueAt(), now));
            return FollowUp.of(task);
        });
    }

    /** The follow-up scheduled with this key, if any; a key used for another customer's follow-up is a conflict. */
    private Optional<FollowUp> scheduledWith(String key, UUID customerId) {
        return storage.idempotency().findAll(tenantId, SCHEDULE_SCOPE, List.of(key)).stream().findFirst().map(k -> {
            TaskRecord task = task(k.targetId());
            if (!task.customerId().equals(customerId)) {
                throw new ConflictException("the idempotency key was used for a follow-up of another customer");
            }
            return FollowUp.of(task);
        });
    }

    @Override
    public FollowUp followUp(UUID taskId) {
        Checks.id("taskId", taskId);
        return FollowUp.of(task(taskId));
    }

    @Override
    public FollowUp reassign(UUID taskId, String assigneeId) {
        Checks.id("taskId", taskId);
        if (assigneeId != null) {
            Checks.userId("assigneeId", assigneeId);
        }
        return inTransaction(() -> {
            TaskRecord before = lockedTask(taskId);
            FollowUpLifecycle.check(before.status(), TaskStatus.OPEN);
            Instant now = context.now();
            TaskRecord after = update(before, now, assigneeId, before.dueAt(), TaskStatus.OPEN, null);
            context.events().record(new FollowUpReassigned(tenantId, taskId, after.customerId(),
                    before.assigneeId(), assigneeId, now));
            return FollowUp.of(after);
        });
    }

    @Override
    public FollowUp reschedule(UUID taskId, Instant dueAt) {
        Checks.id("taskId", taskId);
        Instant due = Checks.instant("dueAt", dueAt);
        return inTransaction(() -> {
            TaskRecord before = lockedTask(taskId);
            FollowUpLifecycle.check(before.status(), TaskStatus.OPEN);
            Instant now = context.now();
            TaskRecord after = update(before, now, before.assigneeId(), due, TaskStatus.OPEN, null);
            scheduleDueWork(after);
            context.events().record(new FollowUpRescheduled(tenantId, taskId, after.customerId(), before.dueAt(),
                    due, now));
            return FollowUp.of(after);
        });
    }

    @Override
    public FollowUp complete(UUID taskId) {
        Checks.id("taskId", taskId);
        return close(taskId, TaskStatus.DONE);
    }

    @Override
    public FollowUp cancel(UUID taskId) {
        Checks.id("taskId", taskId);
        return close(taskId, TaskStatus.CANCELLED);
    }

    private FollowUp close(UUID taskId, TaskStatus status) {
        return inTransaction(() -> {
            TaskRecord before = lockedTask(taskId);
            FollowUpLifecycle.check(before.status(), status);
            Instant now = context.now();
            TaskRecord after = update(before, now, before.assigneeId(), before.dueAt(), status, now);
            storage.dueWork().cancel(tenantId, FOLLOW_UP_DUE, taskId.toString());
            context.events().record(status == TaskStatus.DONE
                    ? new FollowUpCompleted(tenantId, taskId, after.customerId(), after.assigneeId(), now)
                    : new FollowUpCancelled(tenantId, taskId, after.customerId(), after.assigneeId(), now));
            return FollowUp.of(after);
        });
    }

    @Override
    public Page<FollowUp> openFollowUps(UUID customerId, PageRequest page) {
        Checks.id("customerId", customerId);
        Checks.required("page", page);
        return inTransaction(() -> followUps(touchPointStorage.tasks().openForCustomer(tenantId, survivorId(customerId), page)));
    }

    @Override
    public Page<FollowUp> openFollowUpsOf(String assigneeId, PageRequest page) {
        Checks.userId("assigneeId", assigneeId);
        Checks.required("page", page);
        return followUps(touchPointStorage.tasks().openForAssignee(tenantId, assigneeId, page));
    }

    private static Page<FollowUp> followUps(Page<TaskRecord> records) {
        return new Page<>(records.items().stream().map(FollowUp::of).toList(), records.next());
    }

    private TaskRecord task(UUID taskId) {
        return touchPointStorage.tasks().get(tenantId, taskId).orElseThrow(() -> new NotFoundException("follow-up", taskId));
    }

    /** The task, read under its lock, so what this unit checks and the events it appends follow the task's order. */
    private TaskRecord lockedTask(UUID taskId) {
        try {
            touchPointStorage.tasks().lock(tenantId, taskId);
        } catch (NotFoundException e) {
            throw new NotFoundException("follow-up", taskId);
        }
        return task(taskId);
    }

    private TaskRecord update(TaskRecord before, Instant now, String assigneeId, Instant dueAt, TaskStatus status,
            Instant closedAt) {
        return touchPointStorage.tasks().update(new TaskRecord(tenantId, before.id(), before.version() + 1, before.createdAt(),
                now, before.customerId(), before.interactionId(), before.title(), assigneeId, dueAt, status, closedAt),
                before.version());
    }

    private void scheduleDueWork(TaskRecord task) {
        storage.dueWork().schedule(DueWorkRecord.of(tenantId, context.ids().next(), FOLLOW_UP_DUE,
                task.id().toString(), task.dueAt(), null));
    }

    private UUID survivorId(UUID customerId) {
        return MergeChain.survivor(customerStorage.customers(), tenantId, customerId).id();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }
}
