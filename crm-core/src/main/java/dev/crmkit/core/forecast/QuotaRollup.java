package dev.crmkit.core.forecast;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.forecast.QuotaScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The team quotas nobody set: for every manager without an explicit team quota, the sum of the rep quotas of the
 * manager and of everyone below them, when there is at least one and all are in one currency (a team whose reps'
 * quotas are in several currencies needs an explicit team quota).
 */
final class QuotaRollup {
    private QuotaRollup() {
    }

    /** The rolled-up team quotas, at version 0 (never stored), without id and time. */
    static List<Quota> rolledUp(List<Quota> quotas, Map<UUID, UUID> managerOf) {
        Set<UUID> explicit = new HashSet<>();
        Map<UUID, Quota> reps = new HashMap<>();
        String period = null;
        for (Quota quota : quotas) {
            period = quota.period();
            if (quota.scope() == QuotaScope.TEAM) {
                explicit.add(quota.memberId());
            } else {
                reps.put(quota.memberId(), quota);
            }
        }
        Map<UUID, List<Money>> sums = new HashMap<>();
        for (Quota rep : reps.values()) {
            Set<UUID> seen = new HashSet<>();
            for (UUID m = rep.memberId(); m != null && seen.add(m); m = managerOf.get(m)) {
                sums.computeIfAbsent(m, k -> new ArrayList<>()).add(rep.amount());
            }
        }
        Set<UUID> managers = new HashSet<>(managerOf.values());
        List<Quota> rolled = new ArrayList<>();
        for (Map.Entry<UUID, List<Money>> entry : sums.entrySet()) {
            UUID manager = entry.getKey();
            List<Money> amounts = entry.getValue();
            if (!managers.contains(manager) || explicit.contains(manager)
                    || amounts.stream().map(Money::currency).distinct().count() != 1) {
                continue;
            }
            Money total = amounts.stream().reduce(Money::plus).orElseThrow();
            rolled.add(new Quota(null, 0, manager, QuotaScope.TEAM, period, total, null));
        }
        return rolled;
    }
}
