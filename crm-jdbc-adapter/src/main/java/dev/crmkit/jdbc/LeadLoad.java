package dev.crmkit.jdbc;

import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.spi.Ids;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How many open leads each team member owns, kept in {@code crm_lead_load} (one row per tenant and member) so that
 * distribution reads a row per member instead of counting the tenant's leads. {@link JdbcLeadStore} collects the
 * changes a write makes to the counts and {@link #apply applies} them on the write's connection, inside the same
 * savepoint as the lead rows: a write that fails changes no count.
 */
final class LeadLoad {
    /** A member of a tenant, ordered by tenant and then id ({@link Ids#ORDER}), the order rows are locked in. */
    record Owner(String tenantId, UUID memberId) {
        static final Comparator<Owner> ORDER = Comparator.comparing(Owner::tenantId)
                .thenComparing(Owner::memberId, Ids.ORDER);
    }

    private static final String UPSERT_POSTGRESQL = "INSERT INTO crm_lead_load (tenant_id, member_id, open_leads)"
            + " VALUES (?, ?, ?) ON CONFLICT (tenant_id, member_id)"
            + " DO UPDATE SET open_leads = crm_lead_load.open_leads + EXCLUDED.open_leads";
    private static final String UPSERT_MARIADB = "INSERT INTO crm_lead_load (tenant_id, member_id, open_leads)"
            + " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE open_leads = open_leads + VALUES(open_leads)";
    private static final String UPSERT_H2 = "MERGE INTO crm_lead_load t USING (VALUES (?, ?, ?)) AS d(tenant_id,"
            + " member_id, delta) ON t.tenant_id = d.tenant_id AND t.member_id = d.member_id"
            + " WHEN MATCHED THEN UPDATE SET open_leads = t.open_leads + d.delta"
            + " WHEN NOT MATCHED THEN INSERT (tenant_id, member_id, open_leads) VALUES (d.tenant_id, d.member_id, d.delta)";
    private static final int CHUNK = 500;

    private final Database db;
    private final String upsert;

    LeadLoad(Database db) {
        this.db = db;
        this.upsert = switch (db.dialect()) {
            case POSTGRESQL -> UPSERT_POSTGRESQL;
            case MARIADB -> UPSERT_MARIADB;
            case H2 -> UPSERT_H2;
        };
    }

    /** Changes to the counts, summed per member; members whose changes cancel out are left alone. */
    static final class Changes {
        private final Map<Owner, Integer> deltas = new TreeMap<>(Owner.ORDER);

        /** Counts a lead in ({@code +1}) or out ({@code -1}) when it is open and has an owner. */
        Changes count(String tenantId, UUID ownerId, LeadStatus status, int sign) {
            if (ownerId != null && status.isOpen()) {
                deltas.merge(new Owner(tenantId, ownerId), sign, Integer::sum);
            }
            return this;
        }
    }

    /**
     * Adds the changes to the counters: one upsert per member whose count changes, in member order (so two writes
     * touching the same members lock their rows in the same order and cannot deadlock), as one JDBC batch.
     */
    void apply(Connection c, Changes changes) throws SQLException {
        List<List<?>> rows = new ArrayList<>();
        changes.deltas.forEach((owner, delta) -> {
            if (delta != 0) {
                rows.add(List.of(owner.tenantId(), owner.memberId(), delta));
            }
        });
        if (db.dialect() != Dialect.H2) {
            db.batch(c, upsert, rows);
            return;
        }
        // H2's MERGE is not atomic: when another unit inserted the member's row and has not committed yet, this one
        // takes the insert branch too and fails on the key once the other commits. The row is there then, so the
        // same statement run again takes the update branch. (A failed statement leaves H2's transaction intact.)
        for (List<?> row : rows) {
            try {
                db.update(c, upsert, row);
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                db.update(c, upsert, row);
            }
        }
    }

    /** The counts of these members (distinct), 0 for a member without a row; one query per 500 members. */
    Map<UUID, Integer> counts(Connection c, String tenantId, List<UUID> memberIds) throws SQLException {
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        memberIds.forEach(id -> counts.put(id, 0));
        for (int from = 0; from < memberIds.size(); from += CHUNK) {
            List<Object> parameters = new ArrayList<>();
            String sql = "SELECT n.member_id, n.open_leads FROM " + db.oneOf("crm_lead_load", "n", List.of("tenant_id"),
                    List.of(tenantId), "member_id", memberIds.subList(from, Math.min(memberIds.size(), from + CHUNK)),
                    parameters);
            db.list(c, sql, parameters, r -> counts.put(r.id("member_id"), r.integer("open_leads")));
        }
        return counts;
    }
}
