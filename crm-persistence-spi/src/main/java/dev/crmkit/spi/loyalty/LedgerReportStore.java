package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Read-only reports over the points ledgers, scoped by tenant in every call and computed by the storage (a grouped
 * query each in the JDBC adapter): a membership's statement for a period, the programmes' outstanding liability as of
 * an instant, and breakage per period. A period is {@code from} inclusive to {@code to} exclusive, on the entries'
 * {@code postedAt}; "as of" an instant counts the entries posted before it.
 */
public interface LedgerReportStore {
    /**
     * The membership's entries summed per kind: for each kind with an entry posted before {@code to}, the sums of
     * its entries posted before {@code from} (the opening) and of those posted in {@code [from, to)} (the period),
     * ordered by kind in declaration order; empty for a membership without entries before {@code to} (or another
     * tenant's).
     *
     * @throws ValidationException ({@code to}) unless {@code from} is before {@code to}
     */
    List<LedgerKindSums> statement(String tenantId, UUID membershipId, Instant from, Instant to);

    /**
     * One page of the membership's entries posted in {@code [from, to)}, oldest first: by id ascending in
     * {@link dev.crmkit.spi.Ids#ORDER} (the core's ids are time-ordered). Keyset paging neither skips nor repeats
     * entries while others are appended.
     *
     * @throws ValidationException ({@code to}) unless {@code from} is before {@code to}
     */
    Page<LedgerEntryRecord> entries(String tenantId, UUID membershipId, Instant from, Instant to, PageRequest page);

    /**
     * Per programme code (of the memberships with entries posted before {@code asOf}), ordered by code: the redeemable
     * points available, pending and owed as of that instant, and their value at the programme's point value now
     * ({@link dev.crmkit.model.loyalty.ProgrammeRuleKind#POINT_VALUE}), multiplied by the storage. A programme that
     * is not defined, or defines no point value, has no value.
     */
    List<PointsLiability> liability(String tenantId, Instant asOf);

    /**
     * Per programme code (of the memberships with entries posted before {@code to}), ordered by code: the redeemable
     * points issued ({@link LedgerEntryKind#ACCRUAL}), expired ({@link LedgerEntryKind#EXPIRY}) and redeemed
     * ({@link LedgerEntryKind#REDEMPTION}) in {@code [from, to)} and in all before {@code to}, and what was
     * available at {@code to}.
     *
     * @throws ValidationException ({@code to}) unless {@code from} is before {@code to}
     */
    List<PointsBreakage> breakage(String tenantId, Instant from, Instant to);
}
