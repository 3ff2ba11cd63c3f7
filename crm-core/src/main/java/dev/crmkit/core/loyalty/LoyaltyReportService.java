package dev.crmkit.core.loyalty;

import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the points ledgers add up to, for members and for the business: a member's statement for a period, the
 * programmes' outstanding liability and their breakage. Get it from a tenant handle:
 * {@code crm.tenant("acme").service(LoyaltyReportService.class)}. Everything is read; nothing changes and no event is
 * recorded. Each answer is computed by the storage from the ledger in one grouped query, so it is up to date with
 * every posting the moment it commits. A period is {@code from} inclusive to {@code to} exclusive, on the entries'
 * {@code postedAt}.
 */
public interface LoyaltyReportService {
    /**
     * The membership's statement for the period: opening balances, what each kind of entry added up to in it, and
     * closing balances, with pending and owed points apart.
     *
     * @throws NotFoundException when the tenant has no such membership
     * @throws ValidationException ({@code to}) unless {@code from} is before {@code to}
     */
    PointsStatement statement(UUID membershipId, Instant from, Instant to);

    /**
     * One page of the membership's entries posted in the period, oldest first (by id; keyset paging neither skips
     * nor repeats entries while others are appended); a long statement reads them page by page.
     *
     * @throws NotFoundException when the tenant has no such membership
     * @throws ValidationException ({@code to}) unless {@code from} is before {@code to}
     */
    Page<LedgerEntry> statementEntries(UUID membershipId, Instant from, Instant to, PageRequest page);

    /**
     * Per programme with members' entries before {@code asOf}, ordered by code: the outstanding redeemable points
     * and their value at the programme's point value.
     */
    List<Liability> liability(Instant asOf);

    /**
     * Per programme with members' entries before {@code to}, ordered by code: points issued, expired and redeemed in
     * the period and before its end, with the realised breakage rate and an estimate of the outstanding points
     * expected to expire ({@link Breakage}).
     *
     * @throws ValidationException ({@code to}) unless {@code from} is before {@code to}
     */
    List<Breakage> breakage(Instant from, Instant to);
}
