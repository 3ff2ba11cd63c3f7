package dev.crmkit.core.forecast;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotPermittedException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.forecast.ForecastFigures;
import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.model.forecast.SubmissionKind;
import dev.crmkit.spi.forecast.ForecastStorage;
import dev.crmkit.spi.forecast.SubmissionRecord;
import dev.crmkit.spi.forecast.SubmissionStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Forecast submissions: who may submit for whom (the member, or a manager above them in the management chain), the
 * next version of a member's forecast, retries by idempotency key, and the team forecasts rolled up from the rep
 * forecasts below a manager. Runs inside the unit {@link StoredForecasts} opens.
 */
final class Submissions {
    private final DomainContext context;
    private final String tenantId;

    Submissions(DomainContext context, String tenantId) {
        this.context = context;
        this.tenantId = tenantId;
    }

    /** The rule: a member submits their own forecast; only a manager above them in the chain adjusts it. */
    static SubmissionKind kindOf(UUID memberId, UUID submittedBy, Map<UUID, UUID> managerOf) {
        if (submittedBy.equals(memberId)) {
            return SubmissionKind.SUBMITTED;
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID m = managerOf.get(memberId); m != null && seen.add(m); m = managerOf.get(m)) {
            if (m.equals(submittedBy)) {
                return SubmissionKind.ADJUSTED;
            }
        }
        throw new NotPermittedException("only the member or a manager above them may submit the member's forecast");
    }

    ForecastSubmission submit(SubmitForecast command, String period, Map<UUID, UUID> managerOf) {
        SubmissionKind kind = kindOf(command.memberId(), command.submittedBy(), managerOf);
        if (command.idempotencyKey() != null) {
            Optional<SubmissionRecord> first = store().findByIdempotencyKey(tenantId, command.idempotencyKey());
            if (first.isPresent()) {
                return retried(first.get(), command, period);
            }
        }
        Optional<SubmissionRecord> current = store().latest(tenantId, command.memberId(), command.scope(), period);
        long currentVersion = current.map(SubmissionRecord::version).orElse(0L);
        long expected = command.expectedVersion() != null ? command.expectedVersion() : currentVersion;
        if (expected != currentVersion) {
            throw ConflictException.staleVersion("forecast submission", ForecastEvent.forecastId(command.memberId(),
                    command.scope(), period), expected);
        }
        Instant now = context.now();
        SubmissionRecord record = new SubmissionRecord(tenantId, context.ids().next(), command.memberId(),
                command.scope(), period, expected + 1, kind, command.submittedBy(), command.figures(),
                command.idempotencyKey(), now);
        try {
            store().append(record);
        } catch (DuplicateException e) {
            if (!"idempotencyKey".equals(e.key())) {
                throw e;
            }
            // a retry racing the first call: the first committed meanwhile, and its result is the answer
            return retried(store().findByIdempotencyKey(tenantId, command.idempotencyKey()).orElseThrow(() -> e),
                    command, period);
        }
        ForecastFigures f = record.figures();
        context.events().record(kind == SubmissionKind.SUBMITTED
                ? new ForecastSubmitted(tenantId, record.id(), record.memberId(), record.scope(), period,
                        record.version(), f.currency(), f.commit(), f.bestCase(), f.pipeline(), now)
                : new ForecastAdjusted(tenantId, record.id(), record.memberId(), record.scope(), period,
                        record.version(), record.submittedBy(), f.currency(), f.commit(), f.bestCase(),
                        f.pipeline(), now));
        return ForecastSubmission.of(record);
    }

    /** The first result for a retried key, when the retry carries the same payload. */
    private static ForecastSubmission retried(SubmissionRecord first, SubmitForecast command, String period) {
        boolean same = first.memberId().equals(command.memberId()) && first.scope() == command.scope()
                && first.period().equals(period) && first.submittedBy().equals(command.submittedBy())
                && first.figures().sameAs(command.figures());
        if (!same) {
            throw new ConflictException("the idempotency key was used for a different forecast submission");
        }
        return ForecastSubmission.of(first);
    }

    Optional<ForecastSubmission> current(UUID memberId, QuotaScope scope, String period) {
        return store().latest(tenantId, memberId, scope, period).map(ForecastSubmission::of);
    }

    Page<ForecastSubmission> history(UUID memberId, QuotaScope scope, String period, PageRequest page) {
        Page<SubmissionRecord> records = store().history(tenantId, memberId, scope, period, page);
        return new Page<>(records.items().stream().map(ForecastSubmission::of).toList(), records.next());
    }

    /**
     * The forecasts of the period as they stood at {@code cutoff}: every member's latest submission per scope, and
     * for every manager without a team submission one rolled up from the rep forecasts of the manager and everyone
     * below (when there is one and all are in one currency).
     */
    List<ForecastSubmission> asOf(String period, Instant cutoff, Map<UUID, UUID> managerOf) {
        List<ForecastSubmission> submitted = store().asOf(tenantId, period, cutoff).stream()
                .map(ForecastSubmission::of).toList();
        List<ForecastSubmission> all = new ArrayList<>(submitted);
        all.addAll(rolledUp(submitted, period, managerOf));
        all.sort(java.util.Comparator.comparing(ForecastSubmission::memberId, dev.crmkit.spi.Ids.ORDER)
                .thenComparing(ForecastSubmission::scope));
        return all;
    }

    static List<ForecastSubmission> rolledUp(List<ForecastSubmission> submitted, String period,
            Map<UUID, UUID> managerOf) {
        Set<UUID> explicit = new HashSet<>();
        Map<UUID, List<ForecastFigures>> sums = new HashMap<>();
        for (ForecastSubmission s : submitted) {
            if (s.scope() == QuotaScope.TEAM) {
                explicit.add(s.memberId());
                continue;
            }
            Set<UUID> seen = new HashSet<>();
            for (UUID m = s.memberId(); m != null && seen.add(m); m = managerOf.get(m)) {
                sums.computeIfAbsent(m, k -> new ArrayList<>()).add(s.figures());
            }
        }
        Set<UUID> managers = new HashSet<>(managerOf.values());
        List<ForecastSubmission> rolled = new ArrayList<>();
        for (Map.Entry<UUID, List<ForecastFigures>> entry : sums.entrySet()) {
            List<ForecastFigures> figures = entry.getValue();
            if (!managers.contains(entry.getKey()) || explicit.contains(entry.getKey())
                    || figures.stream().map(ForecastFigures::currency).distinct().count() != 1) {
                continue;
            }
            BigDecimal commit = BigDecimal.ZERO;
            BigDecimal bestCase = BigDecimal.ZERO;
            BigDecimal pipeline = BigDecimal.ZERO;
            for (ForecastFigures f : figures) {
                commit = commit.add(f.commit());
                bestCase = bestCase.add(f.bestCase());
                pipeline = pipeline.add(f.pipeline());
            }
            rolled.add(new ForecastSubmission(null, entry.getKey(), QuotaScope.TEAM, period, 0,
                    SubmissionKind.SUBMITTED, entry.getKey(),
                    new ForecastFigures(figures.get(0).currency(), commit, bestCase, pipeline), null));
        }
        return rolled;
    }

    private SubmissionStore store() {
        return context.storage(ForecastStorage.class).submissions();
    }
}
