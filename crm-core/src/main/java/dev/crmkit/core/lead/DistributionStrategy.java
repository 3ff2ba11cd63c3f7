package dev.crmkit.core.lead;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Chooses who works a new lead: the port for the tenant's own routing rules; {@link DistributionStrategies} has
 * the built-in ones. The distributor calls it with the eligible candidates only (available, below capacity, in
 * the pool's roles), in id order and never empty, and with the member who got the pool's previous lead, so
 * rotating strategies go on where the last assignment left off. The state they read is written with an
 * optimistic version on every assignment, so two nodes distributing at once never both act on the same state.
 */
@FunctionalInterface
public interface DistributionStrategy {
    /**
     * The member to assign the lead to, one of the candidates; empty to leave the lead unassigned.
     *
     * @param lead         the lead, scored
     * @param candidates   the eligible members with their open leads, in id order, not empty
     * @param lastAssigned the member who got the previous lead of the pool, or null before the first
     */
    Optional<UUID> choose(Lead lead, List<Candidate> candidates, UUID lastAssigned);
}
