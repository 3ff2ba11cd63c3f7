package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.forecast.SubmissionRecord;
import dev.crmkit.spi.forecast.SubmissionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Forecast submissions, append-only, versioned per member, scope and period. */
final class InMemorySubmissionStore implements SubmissionStore {
    private static final String TYPE = "forecast submission";
    private static final Comparator<SubmissionRecord> NEWEST_FIRST =
            Comparator.comparingLong(SubmissionRecord::version).reversed();

    private final UnitOfWork unit;
    private final Map<String, Map<UUID, SubmissionRecord>> tenants = new HashMap<>();

    InMemorySubmissionStore(UnitOfWork unit) {
        this.unit = unit;
    }

    private Map<UUID, SubmissionRecord> rows(String tenantId) {
        return tenants.computeIfAbsent(tenantId, t -> new LinkedHashMap<>());
    }

    @Override
    public SubmissionRecord append(SubmissionRecord submission) {
        if (submission == null) {
            throw new ValidationException("submission", "is required");
        }
        return unit.inTransaction(() -> {
            Map<UUID, SubmissionRecord> rows = rows(submission.tenantId());
            long latest = latest(submission.tenantId(), submission.memberId(), submission.scope(),
                    submission.period()).map(SubmissionRecord::version).orElse(0L);
            if (submission.version() != latest + 1) {
                throw ConflictException.staleVersion(TYPE, submission.memberId() + "/" + submission.scope() + "/"
                        + submission.period(), submission.version() - 1);
            }
            if (rows.containsKey(submission.id())) {
                throw new DuplicateException(TYPE, "id");
            }
            if (submission.idempotencyKey() != null
                    && findByKey(submission.tenantId(), submission.idempotencyKey()).isPresent()) {
                throw new DuplicateException(TYPE, "idempotencyKey");
            }
            rows.put(submission.id(), submission);
            unit.onRollback(() -> rows.remove(submission.id()));
            return submission;
        });
    }

    @Override
    public Optional<SubmissionRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> Optional.ofNullable(rows(tenantId).get(id)));
    }

    @Override
    public Optional<SubmissionRecord> findByIdempotencyKey(String tenantId, String idempotencyKey) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("idempotencyKey", idempotencyKey, 100);
        return unit.inTransaction(() -> findByKey(tenantId, idempotencyKey));
    }

    private Optional<SubmissionRecord> findByKey(String tenantId, String key) {
        return rows(tenantId).values().stream().filter(s -> key.equals(s.idempotencyKey())).findFirst();
    }

    @Override
    public Optional<SubmissionRecord> latest(String tenantId, UUID memberId, QuotaScope scope, String period) {
        checkForecast(tenantId, memberId, scope, period);
        return unit.inTransaction(() -> of(tenantId, memberId, scope, period).min(NEWEST_FIRST));
    }

    @Override
    public Page<SubmissionRecord> history(String tenantId, UUID memberId, QuotaScope scope, String period,
            PageRequest page) {
        checkForecast(tenantId, memberId, scope, period);
        Checks.required("page", page);
        return unit.inTransaction(() -> Paging.page(of(tenantId, memberId, scope, period), NEWEST_FIRST, page, 1,
                s -> List.of(Long.toString(s.version())),
                keys -> {
                    long after = version(keys.get(0));
                    return s -> s.version() < after;
                }));
    }

    @Override
    public List<SubmissionRecord> asOf(String tenantId, String period, Instant cutoff) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("period", period);
        Checks.required("cutoff", cutoff);
        return unit.inTransaction(() -> {
            Map<List<Object>, SubmissionRecord> current = new HashMap<>();
            for (SubmissionRecord s : rows(tenantId).values()) {
                if (s.period().equals(period) && !s.submittedAt().isAfter(cutoff)) {
                    current.merge(List.of(s.memberId(), s.scope()), s,
                            (a, b) -> a.version() >= b.version() ? a : b);
                }
            }
            List<SubmissionRecord> result = new ArrayList<>(current.values());
            result.sort(Comparator.comparing(SubmissionRecord::memberId, Ids.ORDER)
                    .thenComparing(SubmissionRecord::scope));
            return result;
        });
    }

    private Stream<SubmissionRecord> of(String tenantId, UUID memberId, QuotaScope scope, String period) {
        Collection<SubmissionRecord> all = rows(tenantId).values();
        return all.stream().filter(s -> s.memberId().equals(memberId) && s.scope() == scope
                && s.period().equals(period));
    }

    private static void checkForecast(String tenantId, UUID memberId, QuotaScope scope, String period) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("memberId", memberId);
        Checks.required("scope", scope);
        Checks.required("period", period);
    }

    private static long version(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new ValidationException("cursor", "is not a cursor this library issued");
        }
    }
}
