package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.SatisfactionGrouping;
import dev.crmkit.model.ticket.SatisfactionSummary;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.ticket.SurveyResponseRecord;
import dev.crmkit.spi.ticket.SurveyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Survey responses in a list per tenant; the report adds them up in Java as the SQL adapters do in the database. */
final class InMemorySurveyStore implements SurveyStore {
    private static final String TYPE = "survey response";
    /** The row without a group first, then group ids in {@link Ids#ORDER}. */
    private static final Comparator<Optional<UUID>> GROUPS = Comparator.comparing((Optional<UUID> g) -> g.isPresent())
            .thenComparing(g -> g.orElse(null), Comparator.nullsFirst(Ids.ORDER));

    private final UnitOfWork unit;
    private final Map<String, List<SurveyResponseRecord>> responses = new HashMap<>();

    InMemorySurveyStore(UnitOfWork unit) {
        this.unit = unit;
    }

    @Override
    public void insert(SurveyResponseRecord response) {
        Checks.required("response", response);
        unit.run(() -> {
            List<SurveyResponseRecord> tenant = responses.computeIfAbsent(response.tenantId(), t -> new ArrayList<>());
            if (tenant.stream().anyMatch(r -> r.id().equals(response.id()))) {
                throw new DuplicateException(TYPE, "id");
            }
            if (tenant.stream().anyMatch(r -> r.ticketId().equals(response.ticketId()))) {
                throw new DuplicateException(TYPE, "ticketId");
            }
            tenant.add(response);
            unit.onRollback(() -> tenant.remove(response));
        });
    }

    @Override
    public Optional<SurveyResponseRecord> forTicket(String tenantId, UUID ticketId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("ticketId", ticketId);
        return unit.inTransaction(() -> responses.getOrDefault(tenantId, List.of()).stream()
                .filter(r -> r.ticketId().equals(ticketId)).findFirst());
    }

    @Override
    public List<SatisfactionSummary> summary(String tenantId, Instant from, Instant to, SatisfactionGrouping by) {
        Checks.tenantId("tenantId", tenantId);
        Instant start = Checks.instant("from", from);
        Instant end = Checks.instant("to", to);
        Checks.required("by", by);
        if (!end.isAfter(start)) {
            throw new ValidationException("to", "must be after from");
        }
        return unit.inTransaction(() -> {
            Map<Optional<UUID>, long[]> sums = new TreeMap<>(GROUPS);
            for (SurveyResponseRecord r : responses.getOrDefault(tenantId, List.of())) {
                if (r.answeredAt().isBefore(start) || !r.answeredAt().isBefore(end)) {
                    continue;
                }
                long[] s = sums.computeIfAbsent(group(r, by), g -> new long[3]);
                s[0]++;
                s[1] += r.score();
                s[2] += r.score() >= SurveyResponseRecord.SATISFIED ? 1 : 0;
            }
            List<SatisfactionSummary> report = new ArrayList<>();
            sums.forEach((group, s) -> report.add(new SatisfactionSummary(group.orElse(null), s[0], s[1], s[2])));
            return report;
        });
    }

    private static Optional<UUID> group(SurveyResponseRecord r, SatisfactionGrouping by) {
        return switch (by) {
            case TENANT -> Optional.empty();
            case AGENT -> Optional.ofNullable(r.agentId());
            case TEAM -> Optional.ofNullable(r.teamId());
        };
    }
}
