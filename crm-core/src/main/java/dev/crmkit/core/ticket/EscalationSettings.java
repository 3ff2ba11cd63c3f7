package dev.crmkit.core.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How tickets escalate, per tenant: the {@link EscalationPolicy} of every tenant without one of its own, the policies
 * of tenants with their own, and the {@link EscalationAction}s steps may name ({@link EscalationActions#notifyPeople()}
 * and {@link EscalationActions#raisePriority()} always, besides those listed). Start from {@link #none()} and refine with
 * the {@code with...} methods; give it to {@code new TicketModule(ticketSettings, escalationSettings)}.
 *
 * @param policy         the policy of every tenant without one of its own
 * @param policyByTenant the policies of tenants with one of their own
 * @param actions        the actions listed besides the two built-in ones every tenant has
 */
public record EscalationSettings(EscalationPolicy policy, Map<String, EscalationPolicy> policyByTenant,
        List<EscalationAction> actions) {
    /**
     * Checks that every step names a known action and that no two actions share a name.
     *
     * @throws ValidationException ({@code policy}, {@code policyByTenant}, {@code actions}) when null;
     *     ({@code tenantId}) when a key is not a tenant id; ({@code actions}) when two actions share a name, a name is
     *     malformed, or a step names an action that is not known
     */
    public EscalationSettings {
        Checks.required("policy", policy);
        Checks.required("policyByTenant", policyByTenant);
        Checks.noNulls("actions", actions);
        Map<String, EscalationPolicy> byTenant = new HashMap<>();
        policyByTenant.forEach((tenant, p) -> byTenant.put(Checks.tenantId("tenantId", tenant),
                Checks.required("policy", p)));
        policyByTenant = Map.copyOf(byTenant);
        actions = List.copyOf(actions);
        Map<String, EscalationAction> known = byName(actions);
        for (EscalationPolicy p : concat(policy, policyByTenant)) {
            for (EscalationStep step : p.steps()) {
                for (String name : step.actions()) {
                    if (!known.containsKey(name)) {
                        throw new ValidationException("actions", "names no known escalation action: " + name);
                    }
                }
            }
        }
    }

    /** No steps for any tenant and no actions besides the built-in ones: breaches are recorded, nothing escalates. */
    public static EscalationSettings none() {
        return new EscalationSettings(EscalationPolicy.none(), Map.of(), List.of());
    }

    /** These settings with another policy for every tenant without one of its own. */
    public EscalationSettings withPolicy(EscalationPolicy everyTenants) {
        return new EscalationSettings(everyTenants, policyByTenant, actions);
    }

    /** These settings with a policy of the tenant's own. */
    public EscalationSettings withPolicy(String tenantId, EscalationPolicy tenants) {
        Map<String, EscalationPolicy> byTenant = new HashMap<>(policyByTenant);
        byTenant.put(tenantId, tenants);
        return new EscalationSettings(policy, byTenant, actions);
    }

    /** These settings with these actions (replacing those listed before) besides the built-in ones. */
    public EscalationSettings withActions(List<EscalationAction> listed) {
        return new EscalationSettings(policy, policyByTenant, listed);
    }

    /** The policy of a tenant. */
    public EscalationPolicy policyOf(String tenantId) {
        return policyByTenant.getOrDefault(tenantId, policy);
    }

    /** Every action steps may name, by name: the built-in ones, then those listed. */
    Map<String, EscalationAction> actionsByName() {
        return byName(actions);
    }

    private static Map<String, EscalationAction> byName(List<EscalationAction> listed) {
        Map<String, EscalationAction> known = new LinkedHashMap<>();
        List<EscalationAction> all = new ArrayList<>(List.of(EscalationActions.notifyPeople(),
                EscalationActions.raisePriority()));
        all.addAll(listed);
        for (EscalationAction action : all) {
            String name = Checks.required("actions", action).name();
            if (name == null || !PriorityRule.NAME.matcher(name).matches()) {
                throw new ValidationException("actions", "must have names of 1 to 50 lower-case letters, digits or"
                        + " '-'");
            }
            if (known.put(name, action) != null) {
                throw new ValidationException("actions", "must not name two actions alike: " + name);
            }
        }
        return known;
    }

    private static List<EscalationPolicy> concat(EscalationPolicy first, Map<String, EscalationPolicy> more) {
        List<EscalationPolicy> all = new ArrayList<>(List.of(first));
        all.addAll(more.values());
        return all;
    }
}
