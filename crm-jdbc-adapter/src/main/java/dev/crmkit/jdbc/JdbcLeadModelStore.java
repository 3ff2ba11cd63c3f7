package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.lead.LeadModelRecord;
import dev.crmkit.spi.lead.LeadModelStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenants' lead-scoring models in {@code crm_lead_model}, one row per tenant. A first model is an {@code INSERT}
 * that a racing first model meets as a duplicate key; a later one an {@code UPDATE ... WHERE version = ?}, which the
 * database re-checks against the committed row, so of two racing trainings exactly one stores its model.
 */
final class JdbcLeadModelStore implements LeadModelStore {
    private static final String TYPE = "lead model";
    private static final String COLUMNS = "tenant_id, id, version, created_at, updated_at, kind, body";

    private final Database db;

    JdbcLeadModelStore(Database db) {
        this.db = db;
    }

    @Override
    public LeadModelRecord save(LeadModelRecord model, long expectedVersion) {
        Checks.required("model", model);
        if (expectedVersion < 0) {
            throw new ValidationException("expectedVersion", "must be 0 (no model yet) or more");
        }
        if (expectedVersion == 0) {
            try {
                db.write(TYPE, Map.of(), c -> db.update(c, "INSERT INTO crm_lead_model (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?)", Arrays.asList(model.tenantId(), model.id(), 1L,
                        model.createdAt(), model.updatedAt(), model.kind(), model.body())));
            } catch (DuplicateException e) {
                throw ConflictException.staleVersion(TYPE, model.tenantId(), expectedVersion);
            }
            return current(model.tenantId()).orElseThrow();
        }
        return db.write(TYPE, Map.of(), c -> {
            int changed = db.update(c, "UPDATE crm_lead_model SET version = ?, updated_at = ?, kind = ?, body = ?"
                    + " WHERE tenant_id = ? AND version = ?", Arrays.asList(expectedVersion + 1, model.updatedAt(),
                    model.kind(), model.body(), model.tenantId(), expectedVersion));
            if (changed == 0) {
                throw ConflictException.staleVersion(TYPE, model.tenantId(), expectedVersion);
            }
            return load(c, model.tenantId()).orElseThrow();
        });
    }

    @Override
    public Optional<LeadModelRecord> current(String tenantId) {
        Checks.tenantId("tenantId", tenantId);
        return db.read(TYPE, c -> load(c, tenantId));
    }

    @Override
    public long currentVersion(String tenantId) {
        Checks.tenantId("tenantId", tenantId);
        return db.read(TYPE, c -> db.one(c, "SELECT version FROM crm_lead_model WHERE tenant_id = ?", List.of(tenantId),
                r -> r.number("version"))).orElse(0L);
    }

    private Optional<LeadModelRecord> load(Connection c, String tenantId) throws SQLException {
        return db.one(c, "SELECT " + COLUMNS + " FROM crm_lead_model WHERE tenant_id = ?", List.of(tenantId),
                r -> new LeadModelRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                        r.instant("updated_at"), r.text("kind"), r.text("body")));
    }
}
