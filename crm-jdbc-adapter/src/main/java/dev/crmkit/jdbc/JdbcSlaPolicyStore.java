package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.ticket.SlaPolicyRecord;
import dev.crmkit.spi.ticket.SlaPolicyStore;
import java.util.List;
import java.util.Optional;

/** SLA policies in {@code crm_sla_policy}, one row per tenant, replaced by compare-and-set ({@link JdbcSlots}). */
final class JdbcSlaPolicyStore implements SlaPolicyStore {
    private final JdbcSlots<SlaPolicyRecord> slots;

    JdbcSlaPolicyStore(Database db) {
        this.slots = new JdbcSlots<>(db, "sla policy", "crm_sla_policy", List.of(), List.of("targets"),
                r -> new SlaPolicyRecord(r.text("tenant_id"), r.id("id"), r.number("version"),
                        r.instant("created_at"), r.instant("updated_at"), ServiceLevelText.targets(r.text("targets"))));
    }

    @Override
    public SlaPolicyRecord save(SlaPolicyRecord policy, long expectedVersion) {
        Checks.required("policy", policy);
        return slots.save(policy, List.of(), List.of(ServiceLevelText.targets(policy.targets())), expectedVersion);
    }

    @Override
    public Optional<SlaPolicyRecord> get(String tenantId) {
        Checks.tenantId("tenantId", tenantId);
        return slots.get(tenantId, List.of());
    }
}
