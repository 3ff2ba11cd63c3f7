package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.DomainEvent;
import java.util.UUID;

/**
 * The events of what purchases earn members: points pending, posted and reversed. They belong to the membership
 * (aggregate type {@code loyalty.membership}), recorded in the same unit as the change and delivered in order with the
 * membership's other events. Payloads carry ids, point counts and times; nothing about the person.
 */
public sealed interface AccrualEvent extends DomainEvent
        permits PointsPending, PurchasePointsPosted, PurchasePointsReversed, PendingPointsMoved {
    /** The membership. */
    UUID membershipId();

    /** The member. */
    UUID customerId();

    @Override
    default String aggregateType() {
        return MembershipEvent.MEMBERSHIP;
    }

    @Override
    default String aggregateId() {
        return membershipId().toString();
    }
}
