package dev.crmkit.core.forecast;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.forecast.QuotaScope;
import java.util.UUID;

/**
 * Sets a quota: what a member, or the member's team, is to win in a fiscal period.
 *
 * @param memberId the team member
 * @param scope {@link QuotaScope#REP} for the member's own deals, {@link QuotaScope#TEAM} for the team's
 * @param period the fiscal period (of the tenant's calendar)
 * @param amount the quota, zero or more
 * @param expectedVersion the version of the quota this one replaces (0: there is none yet), or null to replace
 *     whatever is stored, still refusing a change stored concurrently by another unit
 */
public record SetQuota(UUID memberId, QuotaScope scope, FiscalPeriod period, Money amount, Long expectedVersion) {
    /**
     * @throws ValidationException naming {@code memberId}, {@code scope}, {@code period} or {@code amount} when null;
     *     ({@code amount}) when negative; ({@code expectedVersion}) when negative
     */
    public SetQuota {
        if (memberId == null) {
            throw new ValidationException("memberId", "is required");
        }
        if (scope == null) {
            throw new ValidationException("scope", "is required");
        }
        if (period == null) {
            throw new ValidationException("period", "is required");
        }
        if (amount == null) {
            throw new ValidationException("amount", "is required");
        }
        if (amount.isNegative()) {
            throw new ValidationException("amount", "must not be negative");
        }
        if (expectedVersion != null && expectedVersion < 0) {
            throw new ValidationException("expectedVersion", "must be 0 (no quota yet) or more");
        }
    }

    /** A rep's own quota for the period. */
    public static SetQuota forRep(UUID memberId, FiscalPeriod period, Money amount) {
        return new SetQuota(memberId, QuotaScope.REP, period, amount, null);
    }

    /** A team's quota for the period, held by its manager; it replaces the sum of the team's rep quotas. */
    public static SetQuota forTeam(UUID managerId, FiscalPeriod period, Money amount) {
        return new SetQuota(managerId, QuotaScope.TEAM, period, amount, null);
    }

    /** The same, replacing only the quota at this version (0: only if there is none yet). */
    public SetQuota atVersion(long version) {
        return new SetQuota(memberId, scope, period, amount, version);
    }
}
