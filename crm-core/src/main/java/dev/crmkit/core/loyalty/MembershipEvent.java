package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.DomainEvent;
import java.util.UUID;

/**
 * The domain events of programme memberships and their points ledgers, recorded in the outbox in the same transaction
 * as the change and delivered in order per membership. Payloads carry ids, codes, point counts and times; never the
 * member number (it is printed on the member's card) or anything else about the person.
 */
public sealed interface MembershipEvent extends DomainEvent
        permits MemberEnrolled, MembershipStatusChanged, PointsPosted {
    /** The aggregate type of every membership event. */
    String MEMBERSHIP = "loyalty.membership";

    /** The membership. */
    UUID membershipId();

    /** The member. */
    UUID customerId();

    @Override
    default String aggregateType() {
        return MEMBERSHIP;
    }

    @Override
    default String aggregateId() {
        return membershipId().toString();
    }
}
