package dev.crmkit.core.forecast;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.spi.forecast.QuotaRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A sales quota as stored: what a member ({@link QuotaScope#REP}) or the member's team ({@link QuotaScope#TEAM}) is to
 * win in a fiscal period.
 *
 * @param id the quota's id
 * @param version its version, 1 when first set; {@link SetQuota#atVersion} names it to replace it
 * @param memberId the team member
 * @param scope the member's own deals or the team's
 * @param period the fiscal period's label ({@code FY2027-Q1})
 * @param amount the quota
 * @param updatedAt when it was last set
 */
public record Quota(UUID id, long version, UUID memberId, QuotaScope scope, String period, Money amount,
        Instant updatedAt) {
    /** The quota a stored record describes. */
    public static Quota of(QuotaRecord r) {
        return new Quota(r.id(), r.version(), r.memberId(), r.scope(), r.period(),
                new Money(r.amount().stripTrailingZeros(), Money.currency(r.currency())), r.updatedAt());
    }
}
