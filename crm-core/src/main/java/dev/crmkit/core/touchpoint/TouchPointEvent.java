package dev.crmkit.core.touchpoint;

import dev.crmkit.core.common.DomainEvent;

/**
 * The domain events of touch points and follow-ups. Each is recorded in the outbox in the same transaction as
 * the change it reports. Payloads carry ids, codes and times only, never free text (summaries, titles), so an
 * event stream holds no personal data; a listener that needs the text reads it by id.
 */
public sealed interface TouchPointEvent extends DomainEvent
        permits InteractionRecorded, FollowUpScheduled, FollowUpReassigned, FollowUpRescheduled, FollowUpCompleted,
        FollowUpCancelled, FollowUpDue {

    /** The aggregate type of interaction events. */
    String INTERACTION = "interaction";

    /** The aggregate type of follow-up events; all events of one task share it and are delivered in order. */
    String TASK = "follow-up";
}
