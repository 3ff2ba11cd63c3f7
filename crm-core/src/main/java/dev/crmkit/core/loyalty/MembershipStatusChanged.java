package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.loyalty.MembershipStatus;
import java.time.Instant;
import java.util.UUID;

/** A membership was suspended, reactivated or closed. */
@EventType("loyalty.membership.status-changed")
public record MembershipStatusChanged(String tenantId, UUID membershipId, UUID customerId, MembershipStatus from,
        MembershipStatus to, Instant occurredAt) implements MembershipEvent {
}
