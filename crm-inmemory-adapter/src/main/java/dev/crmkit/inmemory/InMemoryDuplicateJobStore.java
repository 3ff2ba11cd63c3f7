package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.customer.DuplicateJobRecord;
import dev.crmkit.spi.customer.DuplicateJobStore;
import java.util.Optional;

/** Checkpoints of the bulk duplicate job, one per tenant and job name, replaced by compare-and-set on the version. */
final class InMemoryDuplicateJobStore implements DuplicateJobStore {
    private static final String TYPE = "duplicate job";

    private final UnitOfWork unit;
    private final Table<DuplicateJobRecord> table;

    InMemoryDuplicateJobStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>(TYPE, unit);
    }

    @Override
    public DuplicateJobRecord save(DuplicateJobRecord job, long expectedVersion) {
        Checks.required("job", job);
        if (expectedVersion < 0) {
            throw new ValidationException("expectedVersion", "must be 0 (no checkpoint yet) or more");
        }
        return unit.inTransaction(() -> {
            Optional<DuplicateJobRecord> stored = stored(job.tenantId(), job.job());
            if (stored.map(DuplicateJobRecord::version).orElse(0L) != expectedVersion) {
                throw ConflictException.staleVersion(TYPE, job.job(), expectedVersion);
            }
            DuplicateJobRecord next = new DuplicateJobRecord(job.tenantId(),
                    stored.map(DuplicateJobRecord::id).orElse(job.id()), expectedVersion + 1,
                    stored.map(DuplicateJobRecord::createdAt).orElse(job.createdAt()), job.updatedAt(), job.job(),
                    job.checkpoint(), job.leaseOwner(), job.leaseUntil());
            table.put(next);
            return next;
        });
    }

    @Override
    public Optional<DuplicateJobRecord> get(String tenantId, String job) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("job", job, DuplicateJobRecord.MAX_NAME);
        return unit.inTransaction(() -> stored(tenantId, job));
    }

    private Optional<DuplicateJobRecord> stored(String tenantId, String job) {
        return table.all(tenantId).stream().filter(j -> j.job().equals(job)).findFirst();
    }
}
