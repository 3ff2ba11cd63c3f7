package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.DomainEvent;
import java.util.UUID;

/**
 * The events of points expiring. They belong to the membership (aggregate type {@code loyalty.membership}), recorded
 * in the same unit as the expiry's ledger entry and delivered in order with the membership's other events. Payloads
 * carry ids, the policy, point counts and times; nothing about the person.
 */
public sealed interface ExpiryEvent extends DomainEvent permits PointsExpired {
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
