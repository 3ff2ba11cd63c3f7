package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.team.TeamRecord;
import dev.crmkit.spi.team.TeamStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Teams in {@code crm_team}, unique by name per tenant. */
final class JdbcTeamStore implements TeamStore {
    private static final String TYPE = "team";
    private static final Map<String, String> UNIQUE = Map.of("uq_crm_team_name", "name");
    private static final String COLUMNS = "tenant_id, id, version, created_at, updated_at, name, manager_id";

    private final Database db;

    JdbcTeamStore(Database db) {
        this.db = db;
    }

    @Override
    public TeamRecord insert(TeamRecord team) {
        Checks.required("team", team);
        if (team.version() != 1) {
            throw new ValidationException("version", "must be 1 on insert");
        }
        db.write(TYPE, UNIQUE, c -> db.update(c, "INSERT INTO crm_team (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                Arrays.asList(team.tenantId(), team.id(), 1L, team.createdAt(), team.updatedAt(), team.name(),
                        team.managerId())));
        return team;
    }

    @Override
    public TeamRecord update(TeamRecord team, long expectedVersion) {
        Checks.required("team", team);
        return db.write(TYPE, UNIQUE, c -> {
            int changed = db.update(c, "UPDATE crm_team SET version = ?, updated_at = ?, name = ?, manager_id = ?"
                    + " WHERE tenant_id = ? AND id = ? AND version = ?", Arrays.asList(expectedVersion + 1,
                    team.updatedAt(), team.name(), team.managerId(), team.tenantId(), team.id(), expectedVersion));
            Optional<TeamRecord> stored = load(c, team.tenantId(), team.id());
            if (changed == 0) {
                throw stored.isEmpty()
                        ? new NotFoundException(TYPE, team.id())
                        : ConflictException.staleVersion(TYPE, team.id(), expectedVersion);
            }
            return stored.orElseThrow();
        });
    }

    @Override
    public Optional<TeamRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, id));
    }

    @Override
    public Page<TeamRecord> list(String tenantId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM crm_team WHERE tenant_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        if (page.after() != null) {
            sql.append(" AND id > ?");
            try {
                parameters.add(UUID.fromString(page.after().keys(1).get(0)));
            } catch (IllegalArgumentException e) {
                throw new ValidationException("cursor", "is not a cursor this library issued");
            }
        }
        sql.append(" ORDER BY id").append(Database.limit(page.limit()));
        List<TeamRecord> items = db.read(TYPE, c -> db.list(c, sql.toString(), parameters, JdbcTeamStore::team));
        Optional<Cursor> next = items.size() == page.limit()
                ? Optional.of(Cursor.of(List.of(items.get(items.size() - 1).id().toString())))
                : Optional.empty();
        return new Page<>(items, next);
    }

    private Optional<TeamRecord> load(Connection c, String tenantId, UUID id) throws SQLException {
        return db.one(c, "SELECT " + COLUMNS + " FROM crm_team WHERE tenant_id = ? AND id = ?", List.of(tenantId, id),
                JdbcTeamStore::team);
    }

    private static TeamRecord team(Row r) throws SQLException {
        return new TeamRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.text("name"), r.id("manager_id"));
    }
}
