package dev.crmkit.spi.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.SlaTarget;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's service-level policy: its targets, at most {@link #MAX_TARGETS}, no two for the same milestone, priority
 * and tier; kept in order (milestone, then priority, then tier, any before a given one). One per tenant.
 */
public record SlaPolicyRecord(String tenantId, UUID id, long version, Instant createdAt, Instant updatedAt,
        List<SlaTarget> targets) implements StoredRecord {
    /** The most targets a policy holds. */
    public static final int MAX_TARGETS = 200;
    /** The order targets are kept in. */
    public static final Comparator<SlaTarget> ORDER = Comparator.comparing(SlaTarget::milestone)
            .thenComparing(SlaTarget::priority, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SlaTarget::tier, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and the
     * timestamps are truncated to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule ({@code targets} for a null, too many
     *     or two alike)
     */
    public SlaPolicyRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        targets = targets("targets", targets);
    }

    /**
     * Targets checked and in order, unmodifiable.
     *
     * @throws ValidationException ({@code field}) when the list is null, holds null, holds more than
     *     {@link #MAX_TARGETS} or two targets for the same milestone, priority and tier
     */
    public static List<SlaTarget> targets(String field, List<SlaTarget> targets) {
        Checks.noNulls(field, targets);
        if (targets.size() > MAX_TARGETS) {
            throw new ValidationException(field, "must hold at most " + MAX_TARGETS + " targets");
        }
        Set<List<Object>> keys = new HashSet<>();
        for (SlaTarget t : targets) {
            if (!keys.add(java.util.Arrays.asList(t.milestone(), t.priority(), t.tier()))) {
                throw new ValidationException(field, "must not hold two targets for " + t.milestone() + ", priority "
                        + (t.priority() == null ? "any" : t.priority()) + " and tier "
                        + (t.tier() == null ? "any" : t.tier()));
            }
        }
        List<SlaTarget> sorted = new ArrayList<>(targets);
        sorted.sort(ORDER);
        return List.copyOf(sorted);
    }
}
