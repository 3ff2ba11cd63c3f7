package dev.crmkit.core.lead;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.TeamRole;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * How one tenant works its leads; give them to {@code Crm.builder().leadSettings(...)}, for all tenants or one.
 *
 * @param dedup              what a match with an open lead or a customer does
 * @param firstContactTarget how soon a new lead must be contacted (1 minute to 90 days); a lead not contacted in
 *                           time raises {@link LeadFirstContactOverdue}
 * @param distribution       how new leads are assigned; null leaves them unassigned until someone assigns them
 * @param poolTeamId         distribute among the members of this team only; null for the whole tenant
 * @param poolRoles          the roles that get leads, not empty
 * @param models             the scoring models whose factors add up to a lead's score, in order
 * @param predictive         whether the tenant's trained {@link NaiveBayesLeadModel} adds its factors too
 */
public record LeadSettings(LeadDedupPolicy dedup, Duration firstContactTarget, DistributionStrategy distribution,
        UUID poolTeamId, Set<TeamRole> poolRoles, List<LeadScoringModel> models, boolean predictive) {

    /**
     * Copies the roles and the models (in order).
     *
     * @throws ValidationException naming the component: a dedup policy and a first-contact target of one minute to 90
     *     days are required, at least one pool role, and no null model
     */
    public LeadSettings {
        Checks.required("dedup", dedup);
        Checks.required("firstContactTarget", firstContactTarget);
        if (firstContactTarget.compareTo(Duration.ofMinutes(1)) < 0 || firstContactTarget.compareTo(Duration.ofDays(90)) > 0) {
            throw new ValidationException("firstContactTarget", "must be between one minute and 90 days");
        }
        Checks.noNulls("poolRoles", poolRoles);
        if (poolRoles.isEmpty()) {
            throw new ValidationException("poolRoles", "must name at least one role");
        }
        poolRoles = Set.copyOf(EnumSet.copyOf(poolRoles));
        models = List.copyOf(Checks.noNulls("models", models));
    }

    /**
     * Merge and link duplicates, first contact within 24 hours, round robin among sales reps and managers, fit and
     * engagement rules, and the predictive model once trained.
     */
    public static LeadSettings defaults() {
        return new LeadSettings(LeadDedupPolicy.mergeAndLink(), Duration.ofHours(24),
                DistributionStrategies.roundRobin(), null, EnumSet.of(TeamRole.SALES_REP, TeamRole.SALES_MANAGER),
                List.of(FitRules.defaults(), new EngagementRules()), true);
    }

    /** These settings with another dedup policy. */
    public LeadSettings withDedup(LeadDedupPolicy dedup) {
        return new LeadSettings(dedup, firstContactTarget, distribution, poolTeamId, poolRoles, models, predictive);
    }

    /** These settings with another first-contact target. */
    public LeadSettings withFirstContactTarget(Duration target) {
        return new LeadSettings(dedup, target, distribution, poolTeamId, poolRoles, models, predictive);
    }

    /** These settings with another distribution strategy; null for none. */
    public LeadSettings withDistribution(DistributionStrategy distribution) {
        return new LeadSettings(dedup, firstContactTarget, distribution, poolTeamId, poolRoles, models, predictive);
    }

    /** These settings distributing among one team's members. */
    public LeadSettings withPool(UUID teamId, Set<TeamRole> roles) {
        return new LeadSettings(dedup, firstContactTarget, distribution, teamId, roles, models, predictive);
    }

    /** These settings with other scoring models (a host's own, the built-in rules, or both). */
    public LeadSettings withModels(List<LeadScoringModel> models) {
        return new LeadSettings(dedup, firstContactTarget, distribution, poolTeamId, poolRoles, models, predictive);
    }

    /** These settings with the predictive model switched on or off. */
    public LeadSettings withPredictive(boolean predictive) {
        return new LeadSettings(dedup, firstContactTarget, distribution, poolTeamId, poolRoles, models, predictive);
    }

    /** The name of the distribution pool: the team's id, or {@code tenant} for the whole tenant. */
    String pool() {
        return poolTeamId == null ? "tenant" : poolTeamId.toString();
    }
}
