package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.Availability;
import dev.crmkit.model.team.MemberFilter;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.spi.team.TeamMemberRecord;
import dev.crmkit.spi.team.TeamMemberStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Team members in {@code crm_team_member}, their skills, languages and territories as rows of
 * {@code crm_team_member_attribute} (kind, value), so a filter on any of them is an indexed lookup.
 */
final class JdbcTeamMemberStore implements TeamMemberStore {
    private static final String TYPE = "teamMember";
    private static final Map<String, String> UNIQUE = Map.of("uq_crm_team_member_user", "userId");
    private static final String COLUMNS = "m.tenant_id, m.id, m.version, m.created_at, m.updated_at, m.user_id,"
            + " m.display_name, m.role, m.team_id, m.manager_id, m.seniority, m.capacity, m.availability, m.away_until";
    private static final String INSERT = "INSERT INTO crm_team_member (tenant_id, id, version, created_at, updated_at,"
            + " user_id, display_name, role, team_id, manager_id, seniority, capacity, availability, away_until)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_ATTRIBUTE = "INSERT INTO crm_team_member_attribute (tenant_id, member_id, kind,"
            + " attr_value) VALUES (?, ?, ?, ?)";
    private static final String SKILL = "SKILL";
    private static final String LANGUAGE = "LANGUAGE";
    private static final String TERRITORY = "TERRITORY";
    private static final int CHUNK = 500;

    private final Database db;

    JdbcTeamMemberStore(Database db) {
        this.db = db;
    }

    @Override
    public TeamMemberRecord insert(TeamMemberRecord member) {
        Checks.required("member", member);
        if (member.version() != 1) {
            throw new ValidationException("version", "must be 1 on insert");
        }
        db.write(TYPE, UNIQUE, c -> {
            db.update(c, INSERT, row(member, 1));
            db.batch(c, INSERT_ATTRIBUTE, attributes(member));
            return null;
        });
        return member;
    }

    @Override
    public TeamMemberRecord update(TeamMemberRecord member, long expectedVersion) {
        Checks.required("member", member);
        return db.write(TYPE, UNIQUE, c -> {
            int changed = db.update(c, "UPDATE crm_team_member SET version = ?, updated_at = ?, user_id = ?,"
                    + " display_name = ?, role = ?, team_id = ?, manager_id = ?, seniority = ?, capacity = ?,"
                    + " availability = ?, away_until = ? WHERE tenant_id = ? AND id = ? AND version = ?",
                    Arrays.asList(expectedVersion + 1, member.updatedAt(), member.userId(), member.displayName(),
                            member.role(), member.teamId(), member.managerId(), member.seniority(), member.capacity(),
                            member.availability(), member.awayUntil(), member.tenantId(), member.id(), expectedVersion));
            if (changed == 0) {
                throw load(c, member.tenantId(), List.of(member.id())).isEmpty()
                        ? new NotFoundException(TYPE, member.id())
                        : ConflictException.staleVersion(TYPE, member.id(), expectedVersion);
            }
            db.update(c, "DELETE FROM crm_team_member_attribute WHERE tenant_id = ? AND member_id = ?",
                    List.of(member.tenantId(), member.id()));
            db.batch(c, INSERT_ATTRIBUTE, attributes(member));
            return load(c, member.tenantId(), List.of(member.id())).get(0);
        });
    }

    @Override
    public Optional<TeamMemberRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, List.of(id)).stream().findFirst());
    }

    @Override
    public List<TeamMemberRecord> getAll(String tenantId, Collection<UUID> ids) {
        Checks.tenantId("tenantId", tenantId);
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(Checks.noNulls("ids", ids)));
        return db.read(TYPE, c -> {
            List<TeamMemberRecord> found = new ArrayList<>();
            for (int from = 0; from < distinct.size(); from += CHUNK) {
                found.addAll(load(c, tenantId, distinct.subList(from, Math.min(distinct.size(), from + CHUNK))));
            }
            return found;
        });
    }

    @Override
    public Optional<TeamMemberRecord> findByUserId(String tenantId, String userId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("userId", userId, 100);
        return db.read(TYPE, c -> withAttributes(c, tenantId, db.list(c, "SELECT " + COLUMNS
                + " FROM crm_team_member m WHERE m.tenant_id = ? AND m.user_id = ?", List.of(tenantId, userId),
                JdbcTeamMemberStore::member)).stream().findFirst());
    }

    @Override
    public Page<TeamMemberRecord> find(String tenantId, MemberFilter filter, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("filter", filter);
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM crm_team_member m WHERE m.tenant_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        if (!filter.roles().isEmpty()) {
            sql.append(" AND m.role IN ").append(Database.placeholders(filter.roles().size()));
            filter.roles().stream().sorted().forEach(parameters::add);
        }
        if (filter.teamId() != null) {
            sql.append(" AND m.team_id = ?");
            parameters.add(filter.teamId());
        }
        if (filter.managerId() != null) {
            sql.append(" AND m.manager_id = ?");
            parameters.add(filter.managerId());
        }
        hasAttribute(sql, parameters, SKILL, filter.skill());
        hasAttribute(sql, parameters, LANGUAGE, filter.language());
        hasAttribute(sql, parameters, TERRITORY, filter.territory());
        if (filter.availableAt() != null) {
            sql.append(" AND (m.availability = ? OR (m.availability = ? AND m.away_until <= ?))");
            parameters.addAll(List.of(Availability.ACTIVE, Availability.AWAY, filter.availableAt()));
        }
        if (page.after() != null) {
            sql.append(" AND m.id > ?");
            parameters.add(cursorId(page.after()));
        }
        sql.append(" ORDER BY m.id").append(Database.limit(page.limit()));
        List<TeamMemberRecord> items = db.read(TYPE, c -> withAttributes(c, tenantId,
                db.list(c, sql.toString(), parameters, JdbcTeamMemberStore::member)));
        Optional<Cursor> next = items.size() == page.limit()
                ? Optional.of(Cursor.of(List.of(items.get(items.size() - 1).id().toString())))
                : Optional.empty();
        return new Page<>(items, next);
    }

    private static void hasAttribute(StringBuilder sql, List<Object> parameters, String kind, String value) {
        if (value != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM crm_team_member_attribute a WHERE a.tenant_id = m.tenant_id"
                    + " AND a.kind = ? AND a.attr_value = ? AND a.member_id = m.id)");
            parameters.add(kind);
            parameters.add(value);
        }
    }

    private static UUID cursorId(Cursor cursor) {
        try {
            return UUID.fromString(cursor.keys(1).get(0));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("cursor", "is not a cursor this library issued");
        }
    }

    // ---- rows ---------------------------------------------------------------------------------------------

    private List<TeamMemberRecord> load(Connection c, String tenantId, List<UUID> ids) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        parameters.addAll(ids);
        return withAttributes(c, tenantId, db.list(c, "SELECT " + COLUMNS + " FROM crm_team_member m"
                + " WHERE m.tenant_id = ? AND m.id IN " + Database.placeholders(ids.size()), parameters,
                JdbcTeamMemberStore::member));
    }

    /** Adds skills, languages and territories to members read without them: one query for the whole list. */
    private List<TeamMemberRecord> withAttributes(Connection c, String tenantId, List<TeamMemberRecord> bare)
            throws SQLException {
        if (bare.isEmpty()) {
            return bare;
        }
        Map<UUID, Map<String, Set<String>>> attributes = new HashMap<>();
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        bare.forEach(m -> parameters.add(m.id()));
        db.list(c, "SELECT member_id, kind, attr_value FROM crm_team_member_attribute WHERE tenant_id = ?"
                + " AND member_id IN " + Database.placeholders(bare.size()), parameters,
                r -> attributes.computeIfAbsent(r.id("member_id"), k -> new HashMap<>())
                        .computeIfAbsent(r.text("kind"), k -> new TreeSet<>()).add(r.text("attr_value")));
        List<TeamMemberRecord> complete = new ArrayList<>(bare.size());
        for (TeamMemberRecord m : bare) {
            Map<String, Set<String>> of = attributes.getOrDefault(m.id(), Map.of());
            complete.add(new TeamMemberRecord(m.tenantId(), m.id(), m.version(), m.createdAt(), m.updatedAt(),
                    m.userId(), m.displayName(), m.role(), m.teamId(), m.managerId(),
                    of.getOrDefault(SKILL, Set.of()), of.getOrDefault(LANGUAGE, Set.of()),
                    of.getOrDefault(TERRITORY, Set.of()), m.seniority(), m.capacity(), m.availability(),
                    m.awayUntil()));
        }
        return complete;
    }

    private static List<?> row(TeamMemberRecord m, long version) {
        return Arrays.asList(m.tenantId(), m.id(), version, m.createdAt(), m.updatedAt(), m.userId(), m.displayName(),
                m.role(), m.teamId(), m.managerId(), m.seniority(), m.capacity(), m.availability(), m.awayUntil());
    }

    private static List<List<?>> attributes(TeamMemberRecord m) {
        List<List<?>> rows = new ArrayList<>();
        m.skills().forEach(v -> rows.add(List.of(m.tenantId(), m.id(), SKILL, v)));
        m.languages().forEach(v -> rows.add(List.of(m.tenantId(), m.id(), LANGUAGE, v)));
        m.territories().forEach(v -> rows.add(List.of(m.tenantId(), m.id(), TERRITORY, v)));
        return rows;
    }

    private static TeamMemberRecord member(Row r) throws SQLException {
        return new TeamMemberRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.text("user_id"), r.text("display_name"), r.enumValue(TeamRole.class, "role"),
                r.id("team_id"), r.id("manager_id"), Set.of(), Set.of(), Set.of(), r.integer("seniority"),
                r.integer("capacity"), r.enumValue(Availability.class, "availability"), r.instant("away_until"));
    }
}
