package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.model.loyalty.ProgrammeRuleKind;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.LedgerKindSums;
import dev.crmkit.spi.loyalty.LedgerReportStore;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.loyalty.MembershipRecord;
import dev.crmkit.spi.loyalty.PointsBreakage;
import dev.crmkit.spi.loyalty.PointsLiability;
import dev.crmkit.spi.loyalty.ProgrammeRecord;
import dev.crmkit.spi.loyalty.ProgrammeRuleRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** The ledger reports summed over the in-memory ledger, as the JDBC adapter's grouped queries sum them. */
final class InMemoryLedgerReportStore implements LedgerReportStore {
    private static final Comparator<LedgerEntryRecord> OLDEST_FIRST = Comparator.comparing(LedgerEntryRecord::id,
            Ids.ORDER);

    private final UnitOfWork unit;
    private final InMemoryLedgerStore ledger;
    private final InMemoryMembershipStore memberships;
    private final InMemoryProgrammeStore programmes;

    InMemoryLedgerReportStore(UnitOfWork unit, InMemoryLedgerStore ledger, InMemoryMembershipStore memberships,
            InMemoryProgrammeStore programmes) {
        this.unit = unit;
        this.ledger = ledger;
        this.memberships = memberships;
        this.programmes = programmes;
    }

    @Override
    public List<LedgerKindSums> statement(String tenantId, UUID membershipId, Instant from, Instant to) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        Instant[] period = period(from, to);
        return unit.inTransaction(() -> {
            Map<LedgerEntryKind, long[]> sums = new EnumMap<>(LedgerEntryKind.class);
            for (LedgerEntryRecord e : ledger.entriesOf(tenantId)) {
                if (e.membershipId().equals(membershipId) && e.postedAt().isBefore(period[1])) {
                    long[] s = sums.computeIfAbsent(e.kind(), k -> new long[6]);
                    int at = e.postedAt().isBefore(period[0]) ? 0 : 3;
                    s[at] += e.qualifyingPoints();
                    s[at + 1] += e.redeemablePoints();
                    s[at + 2]++;
                }
            }
            List<LedgerKindSums> rows = new ArrayList<>();
            sums.forEach((kind, s) -> rows.add(new LedgerKindSums(kind, new LedgerSums(s[0], s[1], s[2]),
                    new LedgerSums(s[3], s[4], s[5]))));
            return List.copyOf(rows);
        });
    }

    @Override
    public Page<LedgerEntryRecord> entries(String tenantId, UUID membershipId, Instant from, Instant to,
            PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        Instant[] period = period(from, to);
        Checks.required("page", page);
        return unit.inTransaction(() -> Paging.page(ledger.entriesOf(tenantId).stream()
                        .filter(e -> e.membershipId().equals(membershipId) && !e.postedAt().isBefore(period[0])
                                && e.postedAt().isBefore(period[1])),
                OLDEST_FIRST, page, 1, e -> List.of(e.id().toString()),
                keys -> {
                    UUID after = Paging.id(keys.get(0));
                    return e -> Ids.ORDER.compare(e.id(), after) > 0;
                }));
    }

    @Override
    public List<PointsLiability> liability(String tenantId, Instant asOf) {
        Checks.tenantId("tenantId", tenantId);
        Instant at = Checks.instant("asOf", asOf);
        return unit.inTransaction(() -> {
            Map<String, long[]> sums = new TreeMap<>();
            Map<String, Set<UUID>> members = new TreeMap<>();
            for (LedgerEntryRecord e : ledger.entriesOf(tenantId)) {
                Optional<String> programme = programmeOf(tenantId, e.membershipId());
                if (programme.isEmpty() || !e.postedAt().isBefore(at)) {
                    continue;
                }
                long[] s = sums.computeIfAbsent(programme.get(), k -> new long[3]);
                members.computeIfAbsent(programme.get(), k -> new HashSet<>()).add(e.membershipId());
                int column = e.kind() == LedgerEntryKind.PENDING ? 1 : e.kind() == LedgerEntryKind.CLAWBACK ? 2 : 0;
                s[column] += e.redeemablePoints();
            }
            List<PointsLiability> rows = new ArrayList<>();
            sums.forEach((code, s) -> {
                Optional<ProgrammeRecord> defined = programmes.findByCode(tenantId, code);
                BigDecimal pointValue = defined.flatMap(InMemoryLedgerReportStore::pointValue).orElse(null);
                rows.add(new PointsLiability(code, defined.map(ProgrammeRecord::currency).orElse(null), pointValue,
                        members.get(code).size(), s[0], s[1], s[2],
                        pointValue == null ? null : pointValue.multiply(BigDecimal.valueOf(s[0]))));
            });
            return List.copyOf(rows);
        });
    }

    @Override
    public List<PointsBreakage> breakage(String tenantId, Instant from, Instant to) {
        Checks.tenantId("tenantId", tenantId);
        Instant[] period = period(from, to);
        return unit.inTransaction(() -> {
            Map<String, long[]> sums = new TreeMap<>();
            for (LedgerEntryRecord e : ledger.entriesOf(tenantId)) {
                Optional<String> programme = programmeOf(tenantId, e.membershipId());
                if (programme.isEmpty() || !e.postedAt().isBefore(period[1])) {
                    continue;
                }
                long[] s = sums.computeIfAbsent(programme.get(), k -> new long[7]);
                boolean inPeriod = !e.postedAt().isBefore(period[0]);
                long points = e.redeemablePoints();
                switch (e.kind()) {
                    case ACCRUAL -> add(s, 0, inPeriod, points);
                    case EXPIRY -> add(s, 1, inPeriod, -points);
                    case REDEMPTION -> add(s, 2, inPeriod, -points);
                    default -> { }
                }
                if (e.kind().changesAvailable()) {
                    s[6] += points;
                }
            }
            List<PointsBreakage> rows = new ArrayList<>();
            sums.forEach((code, s) -> rows.add(new PointsBreakage(code, s[0], s[1], s[2], s[3], s[4], s[5], s[6])));
            return List.copyOf(rows);
        });
    }

    private static void add(long[] sums, int column, boolean inPeriod, long points) {
        if (inPeriod) {
            sums[column] += points;
        }
        sums[column + 3] += points;
    }

    private Optional<String> programmeOf(String tenantId, UUID membershipId) {
        return memberships.get(tenantId, membershipId).map(MembershipRecord::programme);
    }

    private static Optional<BigDecimal> pointValue(ProgrammeRecord programme) {
        return programme.rules().stream().filter(r -> r.kind() == ProgrammeRuleKind.POINT_VALUE)
                .map(ProgrammeRuleRecord::factor).findFirst();
    }

    private static Instant[] period(Instant from, Instant to) {
        Instant start = Checks.instant("from", from);
        Instant end = Checks.instant("to", to);
        if (!start.isBefore(end)) {
            throw new ValidationException("to", "must be after from");
        }
        return new Instant[] {start, end};
    }
}
