package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.DomainEvent;
import java.util.UUID;

/**
 * The domain events of the tiers members hold, recorded in the outbox in the same transaction as the change and
 * delivered in order per membership. Payloads carry ids, tier codes, the measure that decided and times; never the
 * member number or anything else about the person.
 */
public sealed interface MemberTierEvent extends DomainEvent permits TierUpgraded, TierDowngraded, TierRetained {
    /** The aggregate type of every member tier event. */
    String MEMBER_TIER = "loyalty.tier";

    /** The membership. */
    UUID membershipId();

    /** The member. */
    UUID customerId();

    @Override
    default String aggregateType() {
        return MEMBER_TIER;
    }

    @Override
    default String aggregateId() {
        return membershipId().toString();
    }
}
