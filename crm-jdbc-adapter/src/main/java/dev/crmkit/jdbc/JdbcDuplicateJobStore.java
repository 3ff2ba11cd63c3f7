package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.customer.DuplicateJobRecord;
import dev.crmkit.spi.customer.DuplicateJobStore;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checkpoints of the bulk duplicate job in {@code crm_duplicate_job}, one row per tenant and job name. A first
 * checkpoint is an {@code INSERT} that a racing first one meets as a duplicate key; a later one an {@code UPDATE ...
 * WHERE version = ?}, which the database re-checks against the committed row, so of two racing runs exactly one
 * stores.
 */
final class JdbcDuplicateJobStore implements DuplicateJobStore {
    private static final String TYPE = "duplicate job";
    private static final String COLUMNS = "tenant_id, id, version, created_at, updated_at, job_name, phase, position,"
            + " blocks_done, pairs_found, lease_owner, lease_until";

    private final Database db;

    JdbcDuplicateJobStore(Database db) {
        this.db = db;
    }

    @Override
    public DuplicateJobRecord save(DuplicateJobRecord job, long expectedVersion) {
        Checks.required("job", job);
        if (expectedVersion < 0) {
            throw new ValidationException("expectedVersion", "must be 0 (no checkpoint yet) or more");
        }
        DuplicateJobRecord.Checkpoint at = job.checkpoint();
        if (expectedVersion == 0) {
            try {
                db.write(TYPE, Map.of(), c -> db.update(c, "INSERT INTO crm_duplicate_job (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Arrays.asList(job.tenantId(), job.id(), 1L,
                        job.createdAt(), job.updatedAt(), job.job(), at.phase(), at.position(), at.blocksDone(),
                        at.pairsFound(), job.leaseOwner(), job.leaseUntil())));
            } catch (DuplicateException e) {
                throw ConflictException.staleVersion(TYPE, job.job(), expectedVersion);
            }
        } else {
            db.write(TYPE, Map.of(), c -> {
                int changed = db.update(c, "UPDATE crm_duplicate_job SET version = ?, updated_at = ?, phase = ?,"
                        + " position = ?, blocks_done = ?, pairs_found = ?, lease_owner = ?, lease_until = ?"
                        + " WHERE tenant_id = ? AND job_name = ? AND version = ?",
                        Arrays.asList(expectedVersion + 1, job.updatedAt(), at.phase(), at.position(),
                                at.blocksDone(), at.pairsFound(), job.leaseOwner(), job.leaseUntil(), job.tenantId(),
                                job.job(), expectedVersion));
                if (changed == 0) {
                    throw ConflictException.staleVersion(TYPE, job.job(), expectedVersion);
                }
                return changed;
            });
        }
        return get(job.tenantId(), job.job()).orElseThrow();
    }

    @Override
    public Optional<DuplicateJobRecord> get(String tenantId, String job) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("job", job, DuplicateJobRecord.MAX_NAME);
        return db.read(TYPE, c -> db.one(c, "SELECT " + COLUMNS + " FROM crm_duplicate_job WHERE tenant_id = ?"
                + " AND job_name = ?", List.of(tenantId, job), JdbcDuplicateJobStore::row));
    }

    private static DuplicateJobRecord row(Row r) throws SQLException {
        return new DuplicateJobRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.text("job_name"), new DuplicateJobRecord.Checkpoint(
                        DuplicateJobRecord.Phase.valueOf(r.text("phase")), r.text("position"),
                        r.number("blocks_done"), r.number("pairs_found")),
                r.text("lease_owner"), r.instant("lease_until"));
    }
}
