package dev.crmkit.core.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.TeamRole;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How tickets are routed, per tenant: the {@link RoutingRule}s that say what a ticket needs of its agent, and the
 * roles of the team members routing chooses among. Start from {@link #defaults()} (no rules, so any service agent
 * available, at work and with room left can take any ticket) and refine with the {@code with...} methods.
 *
 * @param rules        the rules of every tenant without rules of its own, in order
 * @param rulesByTenant the rules of tenants with rules of their own, in order
 * @param roles        the roles routing chooses among, not empty
 */
public record RoutingSettings(List<RoutingRule> rules, Map<String, List<RoutingRule>> rulesByTenant,
        Set<TeamRole> roles) {

    /**
     * Copies the lists, map and set.
     *
     * @throws ValidationException ({@code rules}) when a list is null or holds null; ({@code tenantId}) when a key
     *     is not a tenant id; ({@code roles}) when the set is null, empty or holds null
     */
    public RoutingSettings {
        rules = List.copyOf(Checks.noNulls("rules", rules));
        Checks.required("rulesByTenant", rulesByTenant);
        Map<String, List<RoutingRule>> copy = new HashMap<>();
        rulesByTenant.forEach((tenant, list) -> copy.put(Checks.tenantId("tenantId", tenant),
                List.copyOf(Checks.noNulls("rules", list))));
        rulesByTenant = Map.copyOf(copy);
        Checks.noNulls("roles", roles);
        if (roles.isEmpty()) {
            throw new ValidationException("roles", "must name at least one role");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    /** No rules and the role {@code SERVICE_AGENT}, for every tenant. */
    public static RoutingSettings defaults() {
        return new RoutingSettings(List.of(), Map.of(), Set.of(TeamRole.SERVICE_AGENT));
    }

    /** These settings with {@code rules} for every tenant without rules of its own. */
    public RoutingSettings withRules(List<RoutingRule> rules) {
        return new RoutingSettings(rules, rulesByTenant, roles);
    }

    /** These settings with rules of the tenant's own. */
    public RoutingSettings withRules(String tenantId, List<RoutingRule> rules) {
        Map<String, List<RoutingRule>> more = new HashMap<>(rulesByTenant);
        more.put(Checks.tenantId("tenantId", tenantId), Checks.required("rules", rules));
        return new RoutingSettings(this.rules, more, roles);
    }

    /** These settings choosing among members of {@code roles} (service agents and managers, say). */
    public RoutingSettings withRoles(Set<TeamRole> roles) {
        return new RoutingSettings(rules, rulesByTenant, roles);
    }

    /** The tenant's rules: its own, else those of every tenant. */
    public List<RoutingRule> rulesOf(String tenantId) {
        return rulesByTenant.getOrDefault(tenantId, rules);
    }
}
