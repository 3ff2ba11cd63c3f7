package dev.crmkit.core.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the ticket domain behaves, per tenant: how long after its resolution a ticket may be reopened, and the
 * {@link PriorityRule}s that give a ticket opened without an explicit priority its priority (combined as
 * {@link PriorityRules} describes). Start from {@link #defaults()} (14 days and no rules, so every such ticket is
 * {@code NORMAL}, for every tenant) and refine with the {@code with...} methods.
 *
 * @param reopenWindow the window of every tenant without one of its own
 * @param reopenWindowByTenant the windows of tenants with one of their own
 * @param priorityRules the priority rules of every tenant without rules of its own, in order
 * @param priorityRulesByTenant the priority rules of tenants with rules of their own, in order
 * @param customerTiers the host's port that knows customers' tiers, for SLA targets per tier
 *                      ({@link CustomerTier#none()} by default)
 */
public record TicketSettings(Duration reopenWindow, Map<String, Duration> reopenWindowByTenant,
        List<PriorityRule> priorityRules, Map<String, List<PriorityRule>> priorityRulesByTenant,
        CustomerTier customerTiers) {
    /** The default reopen window: 14 days. */
    public static final Duration DEFAULT_REOPEN_WINDOW = Duration.ofDays(14);

    /**
     * Checks the windows and rules and copies the maps and lists.
     *
     * @throws ValidationException ({@code reopenWindow}) when a window is null or negative; ({@code tenantId}) when a
     *     key is not a tenant id; ({@code priorityRules}) when a list or a rule is null or two rules of a list share a
     *     name; ({@code name}) when a rule's name breaks {@link PriorityRule#NAME} or is reserved
     */
    public TicketSettings {
        check(reopenWindow);
        Checks.required("reopenWindowByTenant", reopenWindowByTenant);
        reopenWindowByTenant.forEach((tenant, window) -> {
            Checks.tenantId("tenantId", tenant);
            check(window);
        });
        reopenWindowByTenant = Map.copyOf(reopenWindowByTenant);
        priorityRules = checkRules(priorityRules);
        Checks.required("priorityRulesByTenant", priorityRulesByTenant);
        Map<String, List<PriorityRule>> rulesByTenant = new HashMap<>();
        priorityRulesByTenant.forEach((tenant, rules) -> rulesByTenant.put(Checks.tenantId("tenantId", tenant),
                checkRules(rules)));
        priorityRulesByTenant = Map.copyOf(rulesByTenant);
        Checks.required("customerTiers", customerTiers);
    }

    /** The settings of {@link #defaults()}' shape without a customer tier port, for compatibility. */
    public TicketSettings(Duration reopenWindow, Map<String, Duration> reopenWindowByTenant,
            List<PriorityRule> priorityRules, Map<String, List<PriorityRule>> priorityRulesByTenant) {
        this(reopenWindow, reopenWindowByTenant, priorityRules, priorityRulesByTenant, CustomerTier.none());
    }

    /**
     * These settings with the host's port that knows customers' tiers, asked when a ticket's SLA milestones start or
     * are retargeted and the tenant's policy has targets per tier.
     */
    public TicketSettings withCustomerTiers(CustomerTier tiers) {
        return new TicketSettings(reopenWindow, reopenWindowByTenant, priorityRules, priorityRulesByTenant, tiers);
    }

    /** A reopen window of {@link #DEFAULT_REOPEN_WINDOW} and no priority rules, for every tenant. */
    public static TicketSettings defaults() {
        return new TicketSettings(DEFAULT_REOPEN_WINDOW, Map.of(), List.of(), Map.of(), CustomerTier.none());
    }

    /** These settings with another window for every tenant without one of its own (zero: never reopened). */
    public TicketSettings withReopenWindow(Duration window) {
        return new TicketSettings(window, reopenWindowByTenant, priorityRules, priorityRulesByTenant, customerTiers);
    }

    /** These settings with a window of the tenant's own. */
    public TicketSettings withReopenWindow(String tenantId, Duration window) {
        Map<String, Duration> windows = new HashMap<>(reopenWindowByTenant);
        windows.put(tenantId, window);
        return new TicketSettings(reopenWindow, windows, priorityRules, priorityRulesByTenant, customerTiers);
    }

    /** These settings with other priority rules, in order, for every tenant without rules of its own. */
    public TicketSettings withPriorityRules(List<PriorityRule> rules) {
        return new TicketSettings(reopenWindow, reopenWindowByTenant, rules, priorityRulesByTenant, customerTiers);
    }

    /** These settings with priority rules of the tenant's own, in order (empty: every ticket {@code NORMAL}). */
    public TicketSettings withPriorityRules(String tenantId, List<PriorityRule> rules) {
        Map<String, List<PriorityRule>> rulesByTenant = new HashMap<>(priorityRulesByTenant);
        rulesByTenant.put(tenantId, rules);
        return new TicketSettings(reopenWindow, reopenWindowByTenant, priorityRules, rulesByTenant, customerTiers);
    }

    /** The priority rules of a tenant, in order. */
    public List<PriorityRule> priorityRulesOf(String tenantId) {
        return priorityRulesByTenant.getOrDefault(tenantId, priorityRules);
    }

    private static List<PriorityRule> checkRules(List<PriorityRule> rules) {
        Checks.noNulls("priorityRules", rules);
        Set<String> names = new HashSet<>();
        for (PriorityRule rule : rules) {
            if (!names.add(PriorityRules.checkName(rule.name()))) {
                throw new ValidationException("priorityRules", "must not name two rules alike");
            }
        }
        return List.copyOf(rules);
    }

    /** The reopen window of a tenant. */
    public Duration reopenWindowOf(String tenantId) {
        return reopenWindowByTenant.getOrDefault(tenantId, reopenWindow);
    }

    private static void check(Duration window) {
        Checks.required("reopenWindow", window);
        if (window.isNegative()) {
            throw new ValidationException("reopenWindow", "must not be negative");
        }
    }
}
