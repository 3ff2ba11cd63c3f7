package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.DomainEvent;
import java.util.UUID;

/**
 * The domain events of the stored rewards catalogue, recorded in the outbox in the same transaction as the change and
 * delivered in order per reward. Payloads carry the reward's id, code, cost, window and stock; never its name, which
 * is read from the service.
 */
public sealed interface RewardEvent extends DomainEvent permits RewardOffered, RewardRevised, RewardRedeemed {
    /** The aggregate type of every reward event. */
    String REWARD = "loyalty.reward";

    /** The reward. */
    UUID rewardId();

    @Override
    default String aggregateType() {
        return REWARD;
    }

    @Override
    default String aggregateId() {
        return rewardId().toString();
    }
}
