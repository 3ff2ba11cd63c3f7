package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.team.TeamRecord;
import dev.crmkit.spi.team.TeamStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class InMemoryTeamStore implements TeamStore {
    private final UnitOfWork unit;
    private final Table<TeamRecord> table;

    InMemoryTeamStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>("team", unit);
    }

    @Override
    public TeamRecord insert(TeamRecord team) {
        Checks.required("team", team);
        return unit.inTransaction(() -> {
            table.checkInsertable(team);
            checkNameFree(team);
            return table.insert(team);
        });
    }

    @Override
    public TeamRecord update(TeamRecord team, long expectedVersion) {
        Checks.required("team", team);
        return unit.inTransaction(() -> {
            TeamRecord stored = table.expect(team.tenantId(), team.id(), expectedVersion);
            checkNameFree(team);
            TeamRecord next = new TeamRecord(team.tenantId(), team.id(), expectedVersion + 1, stored.createdAt(),
                    team.updatedAt(), team.name(), team.managerId());
            table.put(next);
            return next;
        });
    }

    private void checkNameFree(TeamRecord team) {
        if (table.all(team.tenantId()).stream().anyMatch(o -> !o.id().equals(team.id()) && o.name().equals(team.name()))) {
            throw new DuplicateException("team", "name");
        }
    }

    @Override
    public Optional<TeamRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public Page<TeamRecord> list(String tenantId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("page", page);
        return unit.inTransaction(() -> Paging.page(table.all(tenantId).stream(),
                (a, b) -> Ids.ORDER.compare(a.id(), b.id()), page, 1, t -> List.of(t.id().toString()),
                keys -> {
                    UUID after = Paging.id(keys.get(0));
                    return t -> Ids.ORDER.compare(t.id(), after) > 0;
                }));
    }
}
