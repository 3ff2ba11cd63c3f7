package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.ticket.SlaPolicyRecord;
import dev.crmkit.spi.ticket.SlaPolicyStore;
import java.util.Optional;

/** Service-level policies, one per tenant, replaced by compare-and-set. */
final class InMemorySlaPolicyStore implements SlaPolicyStore {
    private static final String ONE = "policy";

    private final UnitOfWork unit;
    private final Slots<SlaPolicyRecord> slots;

    InMemorySlaPolicyStore(UnitOfWork unit) {
        this.unit = unit;
        this.slots = new Slots<>("sla policy", unit, p -> ONE, (p, id, version, createdAt) ->
                new SlaPolicyRecord(p.tenantId(), id, version, createdAt, p.updatedAt(), p.targets()));
    }

    @Override
    public SlaPolicyRecord save(SlaPolicyRecord policy, long expectedVersion) {
        Checks.required("policy", policy);
        return unit.inTransaction(() -> slots.save(policy, expectedVersion));
    }

    @Override
    public Optional<SlaPolicyRecord> get(String tenantId) {
        Checks.tenantId("tenantId", tenantId);
        return unit.inTransaction(() -> slots.get(tenantId, ONE));
    }
}
