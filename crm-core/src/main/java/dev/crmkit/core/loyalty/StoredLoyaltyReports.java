package dev.crmkit.core.loyalty;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Checks;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.LedgerKindSums;
import dev.crmkit.spi.loyalty.LedgerReportStore;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.MembershipStore;
import dev.crmkit.spi.loyalty.PointsLiability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

final class StoredLoyaltyReports implements LoyaltyReportService {
    private final DomainContext context;
    private final String tenantId;
    private final LedgerReportStore reports;
    private final MembershipStore memberships;

    StoredLoyaltyReports(DomainContext context, String tenantId) {
        this.context = context;
        this.tenantId = tenantId;
        LoyaltyStorage storage = context.storage(LoyaltyStorage.class);
        this.reports = storage.ledgerReports();
        this.memberships = storage.memberships();
    }

    @Override
    public PointsStatement statement(UUID membershipId, Instant from, Instant to) {
        Checks.id("membershipId", membershipId);
        return inTransaction(() -> {
            List<LedgerKindSums> sums = reports.statement(tenantId, known(membershipId), from, to);
            List<StatementLine> lines = new ArrayList<>();
            for (LedgerKindSums s : sums) {
                if (s.period().entries() > 0) {
                    lines.add(new StatementLine(s.kind(), s.period().qualifyingPoints(),
                            s.period().redeemablePoints(), s.period().entries()));
                }
            }
            return new PointsStatement(membershipId, Checks.instant("from", from), Checks.instant("to", to),
                    balances(membershipId, sums, LedgerKindSums::opening), lines,
                    balances(membershipId, sums, s -> add(s.opening(), s.period())));
        });
    }

    @Override
    public Page<LedgerEntry> statementEntries(UUID membershipId, Instant from, Instant to, PageRequest page) {
        Checks.id("membershipId", membershipId);
        return inTransaction(() -> {
            Page<LedgerEntryRecord> records = reports.entries(tenantId, known(membershipId), from, to, page);
            return new Page<>(records.items().stream().map(LedgerEntry::of).toList(), records.next());
        });
    }

    @Override
    public List<Liability> liability(Instant asOf) {
        Instant at = Checks.instant("asOf", asOf);
        return inTransaction(() -> reports.liability(tenantId, at).stream().map(l -> liability(l, at)).toList());
    }

    @Override
    public List<Breakage> breakage(Instant from, Instant to) {
        return inTransaction(() -> reports.breakage(tenantId, from, to).stream()
                .map(b -> new Breakage(b.programme(), Checks.instant("from", from), Checks.instant("to", to),
                        b.issued(), b.expired(), b.redeemed(), b.issuedToDate(), b.expiredToDate(),
                        b.redeemedToDate(), b.outstanding()))
                .toList());
    }

    private static Liability liability(PointsLiability l, Instant asOf) {
        return new Liability(l.programme(), asOf, l.memberships(), l.available(), l.pending(), l.owed(),
                l.currency(), l.pointValue(), l.value());
    }

    private UUID known(UUID membershipId) {
        memberships.get(tenantId, membershipId).orElseThrow(() -> new NotFoundException("membership", membershipId));
        return membershipId;
    }

    /** The balances the statement's sums make up, each from the kinds that make it up. */
    private static PointsBalances balances(UUID membershipId, List<LedgerKindSums> sums,
            Function<LedgerKindSums, LedgerSums> which) {
        LedgerSums available = new LedgerSums(0, 0, 0);
        LedgerSums pending = available;
        LedgerSums owed = available;
        for (LedgerKindSums s : sums) {
            LedgerSums part = which.apply(s);
            if (s.kind() == LedgerEntryKind.PENDING) {
                pending = add(pending, part);
            } else if (s.kind() == LedgerEntryKind.CLAWBACK) {
                owed = add(owed, part);
            } else {
                available = add(available, part);
            }
        }
        return new PointsBalances(membershipId, available.qualifyingPoints(), available.redeemablePoints(),
                pending.qualifyingPoints(), pending.redeemablePoints(), owed.qualifyingPoints(),
                owed.redeemablePoints());
    }

    private static LedgerSums add(LedgerSums a, LedgerSums b) {
        return new LedgerSums(a.qualifyingPoints() + b.qualifyingPoints(),
                a.redeemablePoints() + b.redeemablePoints(), a.entries() + b.entries());
    }

    private <T> T inTransaction(Supplier<T> work) {
        return context.storage().transactions().inTransaction(work);
    }
}
