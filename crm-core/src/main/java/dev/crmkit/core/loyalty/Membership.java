package dev.crmkit.core.loyalty;

import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.spi.loyalty.MembershipRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer's membership in a programme as stored: what a service call returns.
 *
 * @param id the membership's id
 * @param programme the programme's code
 * @param customerId the member
 * @param memberNumber the number on the member's card
 * @param status whether it earns and spends points
 * @param qualifyingPoints the qualifying balance (points that count toward tiers)
 * @param redeemablePoints the redeemable balance (points that can be spent)
 * @param enrolledAt when the customer was enrolled
 */
public record Membership(UUID id, String programme, UUID customerId, String memberNumber, MembershipStatus status,
        long qualifyingPoints, long redeemablePoints, Instant enrolledAt) {

    static Membership of(MembershipRecord r) {
        return new Membership(r.id(), r.programme(), r.customerId(), r.memberNumber(), r.status(),
                r.qualifyingPoints(), r.redeemablePoints(), r.createdAt());
    }
}
