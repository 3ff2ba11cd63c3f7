package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.team.MemberFilter;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.team.TeamMemberRecord;
import dev.crmkit.spi.team.TeamMemberStore;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

final class InMemoryTeamMemberStore implements TeamMemberStore {
    private final UnitOfWork unit;
    private final Table<TeamMemberRecord> table;

    InMemoryTeamMemberStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>("teamMember", unit);
    }

    @Override
    public TeamMemberRecord insert(TeamMemberRecord member) {
        Checks.required("member", member);
        return unit.inTransaction(() -> {
            table.checkInsertable(member);
            checkUserIdFree(member);
            return table.insert(member);
        });
    }

    @Override
    public TeamMemberRecord update(TeamMemberRecord member, long expectedVersion) {
        Checks.required("member", member);
        return unit.inTransaction(() -> {
            TeamMemberRecord stored = table.expect(member.tenantId(), member.id(), expectedVersion);
            checkUserIdFree(member);
            TeamMemberRecord next = new TeamMemberRecord(member.tenantId(), member.id(), expectedVersion + 1,
                    stored.createdAt(), member.updatedAt(), member.userId(), member.displayName(), member.role(),
                    member.teamId(), member.managerId(), member.skills(), member.languages(), member.territories(),
                    member.seniority(), member.capacity(), member.availability(), member.awayUntil());
            table.put(next);
            return next;
        });
    }

    private void checkUserIdFree(TeamMemberRecord member) {
        boolean taken = table.all(member.tenantId()).stream()
                .anyMatch(o -> !o.id().equals(member.id()) && o.userId().equals(member.userId()));
        if (taken) {
            throw new DuplicateException("teamMember", "userId");
        }
    }

    @Override
    public Optional<TeamMemberRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public List<TeamMemberRecord> getAll(String tenantId, Collection<UUID> ids) {
        Checks.tenantId("tenantId", tenantId);
        Checks.noNulls("ids", ids);
        return unit.inTransaction(() -> ids.stream().distinct().map(id -> table.get(tenantId, id).orElse(null))
                .filter(Objects::nonNull).toList());
    }

    @Override
    public Optional<TeamMemberRecord> findByUserId(String tenantId, String userId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("userId", userId, 100);
        return unit.inTransaction(() -> table.all(tenantId).stream().filter(m -> m.userId().equals(userId))
                .findFirst());
    }

    @Override
    public Page<TeamMemberRecord> find(String tenantId, MemberFilter filter, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("filter", filter);
        Checks.required("page", page);
        return unit.inTransaction(() -> Paging.page(table.all(tenantId).stream().filter(filter::matches),
                (a, b) -> Ids.ORDER.compare(a.id(), b.id()), page, 1, m -> List.of(m.id().toString()),
                keys -> {
                    UUID after = Paging.id(keys.get(0));
                    return m -> Ids.ORDER.compare(m.id(), after) > 0;
                }));
    }
}
