package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** A customer was enrolled in a programme and is an active member. */
@EventType("loyalty.membership.enrolled")
public record MemberEnrolled(String tenantId, UUID membershipId, UUID customerId, String programme,
        Instant occurredAt) implements MembershipEvent {
}
