package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's SLA policy was stored, first or replaced. It applies to milestones started (or retargeted) from now on.
 *
 * @param tenantId   the tenant
 * @param policyId   the policy
 * @param version    its version now (1 for a first policy)
 * @param targets    how many targets it holds
 * @param occurredAt when it was stored
 */
@EventType("sla-policy.saved")
public record SlaPolicySaved(String tenantId, UUID policyId, long version, int targets, Instant occurredAt)
        implements ServiceLevelEvent {
    @Override
    public String aggregateType() {
        return POLICY;
    }

    @Override
    public String aggregateId() {
        return policyId.toString();
    }
}
