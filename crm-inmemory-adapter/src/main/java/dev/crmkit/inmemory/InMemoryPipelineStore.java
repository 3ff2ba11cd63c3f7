package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.opportunity.PipelineRecord;
import dev.crmkit.spi.opportunity.PipelineStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class InMemoryPipelineStore implements PipelineStore {
    private final UnitOfWork unit;
    private final Table<PipelineRecord> table;

    InMemoryPipelineStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>("pipeline", unit);
    }

    @Override
    public PipelineRecord insert(PipelineRecord pipeline) {
        Checks.required("pipeline", pipeline);
        return unit.inTransaction(() -> {
            table.checkInsertable(pipeline);
            checkNameFree(pipeline);
            return table.insert(pipeline);
        });
    }

    @Override
    public PipelineRecord update(PipelineRecord pipeline, long expectedVersion) {
        Checks.required("pipeline", pipeline);
        return unit.inTransaction(() -> {
            PipelineRecord stored = table.expect(pipeline.tenantId(), pipeline.id(), expectedVersion);
            checkNameFree(pipeline);
            PipelineRecord next = new PipelineRecord(pipeline.tenantId(), pipeline.id(), expectedVersion + 1,
                    stored.createdAt(), pipeline.updatedAt(), pipeline.name(), pipeline.stages(),
                    pipeline.reopenRule());
            table.put(next);
            return next;
        });
    }

    private void checkNameFree(PipelineRecord pipeline) {
        if (table.all(pipeline.tenantId()).stream()
                .anyMatch(o -> !o.id().equals(pipeline.id()) && o.name().equals(pipeline.name()))) {
            throw new DuplicateException("pipeline", "name");
        }
    }

    @Override
    public Optional<PipelineRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public Optional<PipelineRecord> findByName(String tenantId, String name) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("name", name, 100);
        return unit.inTransaction(() -> table.all(tenantId).stream().filter(p -> p.name().equals(name)).findFirst());
    }

    @Override
    public Page<PipelineRecord> list(String tenantId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("page", page);
        return unit.inTransaction(() -> Paging.page(table.all(tenantId).stream(),
                (a, b) -> Ids.ORDER.compare(a.id(), b.id()), page, 1, p -> List.of(p.id().toString()),
                keys -> {
                    UUID after = Paging.id(keys.get(0));
                    return p -> Ids.ORDER.compare(p.id(), after) > 0;
                }));
    }
}
