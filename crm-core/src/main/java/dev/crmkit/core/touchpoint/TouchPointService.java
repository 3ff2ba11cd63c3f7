package dev.crmkit.core.touchpoint;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.touchpoint.TimelineFilter;
import java.time.Instant;
import java.util.UUID;

/**
 * Touch points of one tenant: the interactions the company had with its customers on every channel, each
 * customer's timeline of them, and the follow-up tasks they give rise to.
 *
 * <p>Every method is one transaction and records its domain events ({@link TouchPointEvent}) in the outbox in
 * that transaction. A customer id that was merged into another customer resolves to the survivor. Bad input throws
 * a {@link ValidationException} naming the field and changes nothing; every error is a
 * {@link dev.crmkit.model.CrmException}.
 *
 * <p>A follow-up's life: it is scheduled {@code OPEN}; while open it can be reassigned and rescheduled; it ends
 * {@code DONE} (completed) or {@code CANCELLED}, and a closed follow-up cannot change again
 * ({@link IllegalTransitionException}). While it is open, the due-work scheduler holds work of kind
 * {@link #FOLLOW_UP_DUE} keyed by the task id, which the touch-point domain's handler turns into a
 * {@link FollowUpDue} event when the due time passes.
 */
public interface TouchPointService {
    /** The kind of due work that fires when a follow-up falls due; its key is the task id. */
    String FOLLOW_UP_DUE = "touchpoint.follow-up-due";

    /**
     * Records an interaction and publishes {@link InteractionRecorded}. With an idempotency key, a retry with the
     * same content returns the interaction recorded first and records nothing.
     *
     * @throws NotFoundException when the customer does not exist in this tenant
     * @throws ConflictException when the idempotency key was used before for different content
     */
    Interaction record(RecordInteraction command);

    /**
     * The interaction with this id.
     *
     * @throws NotFoundException when this tenant has no such interaction
     */
    Interaction interaction(UUID interactionId);

    /**
     * One page of a customer's timeline: the interactions that pass the filter, newest first (by occurredAt, then
     * id). Pass the page's {@code next} cursor back for the following page; keyset paging neither skips nor
     * repeats interactions while others are recorded. Costs one store query when the page has interactions;
     * an empty page costs one more to tell an unknown customer from a merged or a quiet one.
     *
     * @throws NotFoundException when the customer does not exist in this tenant
     */
    Page<Interaction> timeline(UUID customerId, TimelineFilter filter, PageRequest page);

    /**
     * How many outbound marketing contacts the customer had in the last {@code days} days (1 to 3650) up to now:
     * the number a campaign checks against its frequency cap.
     *
     * @throws NotFoundException when the customer does not exist in this tenant
     */
    long outboundMarketingContacts(UUID customerId, int days);

    /**
     * Schedules a follow-up task, publishes {@link FollowUpScheduled}, and schedules its due work.
     *
     * @throws NotFoundException when the customer or the interaction does not exist in this tenant
     * @throws ValidationException when the interaction belongs to another customer
     */
    FollowUp schedule(ScheduleFollowUp command);

    /** The scope of {@link #schedule(ScheduleFollowUp, String)}'s idempotency keys in the storage's key store. */
    String SCHEDULE_SCOPE = "follow-up.schedule";

    /**
     * {@link #schedule(ScheduleFollowUp)} for a caller that may retry: with a key (1 to 100 characters) used before
     * in the tenant, returns the follow-up that first call scheduled, as it stands now, and schedules nothing; also
     * when two nodes receive the same command at once. A null key schedules every time.
     *
     * @throws ConflictException when the key was used for a follow-up of another customer
     */
    FollowUp schedule(ScheduleFollowUp command, String idempotencyKey);

    /**
     * The follow-up task with this id.
     *
     * @throws NotFoundException when this tenant has no such task
     */
    FollowUp followUp(UUID taskId);

    /**
     * Hands an open follow-up to another assignee ({@code null} leaves it unassigned) and publishes
     * {@link FollowUpReassigned}.
     *
     * @throws NotFoundException when this tenant has no such task
     * @throws IllegalTransitionException when the task is already closed
     */
    FollowUp reassign(UUID taskId, String assigneeId);

    /**
     * Moves an open follow-up to another due time, moves its due work along, and publishes
     * {@link FollowUpRescheduled}.
     *
     * @throws NotFoundException when this tenant has no such task
     * @throws IllegalTransitionException when the task is already closed
     */
    FollowUp reschedule(UUID taskId, Instant dueAt);

    /**
     * Marks an open follow-up done, cancels its due work, and publishes {@link FollowUpCompleted}.
     *
     * @throws NotFoundException when this tenant has no such task
     * @throws IllegalTransitionException when the task is already closed
     */
    FollowUp complete(UUID taskId);

    /**
     * Cancels an open follow-up, cancels its due work, and publishes {@link FollowUpCancelled}.
     *
     * @throws NotFoundException when this tenant has no such task
     * @throws IllegalTransitionException when the task is already closed
     */
    FollowUp cancel(UUID taskId);

    /**
     * One page of a customer's open follow-ups, earliest due first.
     *
     * @throws NotFoundException when the customer does not exist in this tenant
     */
    Page<FollowUp> openFollowUps(UUID customerId, PageRequest page);

    /** One page of the open follow-ups assigned to a user (1 to 100 characters), earliest due first. */
    Page<FollowUp> openFollowUpsOf(String assigneeId, PageRequest page);
}
