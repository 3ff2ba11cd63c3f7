package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.EventType;
import dev.crmkit.model.loyalty.ExpiryKind;
import java.time.Instant;
import java.util.UUID;

/**
 * The member is to be told that points are about to expire: recorded once per lot (under {@link ExpiryKind#FIXED},
 * {@code lotEntryId} the lot) or per membership and expiry date (under {@link ExpiryKind#ACTIVITY}, {@code lotEntryId}
 * the last activity, from which the date follows), when the notice's due work ran and found points still to expire.
 * Its relay sends the notice through the messaging domain under the idempotency key
 * {@code loyalty-expiry-notice-<membershipId>-<lotEntryId>}. Aggregate type {@value #AGGREGATE_TYPE}, aggregate id the
 * membership's: a notice is no change of the membership, so it is not among the membership's events.
 *
 * @param tenantId         the tenant
 * @param membershipId     the membership
 * @param customerId       the member
 * @param lotEntryId       the lot (fixed) or the last activity (activity-based)
 * @param policy           the programme's policy kind
 * @param redeemablePoints the points that expire at {@code expiresAt} unless spent first
 * @param expiresAt        when they expire
 * @param occurredAt       when the notice's work ran
 */
@EventType("loyalty.expiry.notified")
public record ExpiryNotified(String tenantId, UUID membershipId, UUID customerId, UUID lotEntryId, ExpiryKind policy,
        long redeemablePoints, Instant expiresAt, Instant occurredAt) implements DomainEvent {
    /** The aggregate type of expiry notices. */
    public static final String AGGREGATE_TYPE = "loyalty.expiry";

    @Override
    public String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    public String aggregateId() {
        return membershipId.toString();
    }
}
