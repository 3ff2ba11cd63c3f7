package dev.crmkit.core.loyalty;

import java.time.Instant;
import java.util.UUID;

/**
 * A reward of the tenant's stored catalogue.
 *
 * @param id the reward's id
 * @param code its code, which redemptions name
 * @param version 1 when offered, one more with every revision and every redemption that takes from its stock
 * @param terms what it is, costs, when it is offered and how many are left
 * @param offeredAt when it was offered
 * @param changedAt when its current version was stored
 */
public record Reward(UUID id, String code, long version, RewardTerms terms, Instant offeredAt, Instant changedAt) {
}
