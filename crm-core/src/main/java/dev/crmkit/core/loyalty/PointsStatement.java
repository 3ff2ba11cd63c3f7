package dev.crmkit.core.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A membership's statement for a period, {@code from} inclusive to {@code to} exclusive, as the storage sums its
 * ledger: the balances at the start, what the entries of each kind in the period added up to, and the balances at the
 * end. Pending and owed points are shown apart from the available ones, as {@link PointsBalances} shows them, so that
 * {@code closing} is {@code opening} plus the lines of the kinds that make up each balance. The entries themselves are
 * {@link LoyaltyReportService#statementEntries}.
 *
 * @param membershipId the membership
 * @param from the period's start, inclusive
 * @param to the period's end, exclusive
 * @param opening the balances of the entries posted before {@code from}
 * @param lines one per kind with entries in the period, in the kinds' declaration order
 * @param closing the balances of the entries posted before {@code to}
 */
public record PointsStatement(UUID membershipId, Instant from, Instant to, PointsBalances opening,
        List<StatementLine> lines, PointsBalances closing) {
    /** Copies the lines. */
    public PointsStatement {
        lines = List.copyOf(lines);
    }
}
