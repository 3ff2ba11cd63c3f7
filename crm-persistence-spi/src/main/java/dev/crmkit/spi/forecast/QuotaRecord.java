package dev.crmkit.spi.forecast;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.spi.StoredRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A sales quota: what a team member ({@code REP}) or the member's team ({@code TEAM}) is to win in one fiscal period.
 * At most one per tenant, member, scope and period.
 *
 * <ul>
 *   <li>{@code memberId}: a team member's id, required.</li>
 *   <li>{@code period}: the fiscal period's label, {@code FY2027} (a year), {@code FY2027-Q1} (a quarter) or
 *       {@code FY2027-M01} (a month), years 1000 to 9999.</li>
 *   <li>{@code amount} with {@code currency} (ISO 4217): required, non-negative, at most four places, kept at scale
 *       4.</li>
 * </ul>
 */
public record QuotaRecord(String tenantId, UUID id, long version, Instant createdAt, Instant updatedAt, UUID memberId,
        QuotaScope scope, String period, BigDecimal amount, String currency) implements StoredRecord {
    /** The shape of a period label. */
    public static final Pattern PERIOD = Pattern.compile("FY[1-9][0-9]{3}(-Q[1-4]|-M(0[1-9]|1[0-2]))?");

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and the
     * timestamps are truncated to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public QuotaRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.id("memberId", memberId);
        Checks.required("scope", scope);
        Checks.required("period", period);
        if (!PERIOD.matcher(period).matches()) {
            throw new ValidationException("period", "must be a fiscal period label such as FY2027-Q1");
        }
        amount = Checks.amount("amount", amount);
        currency = Checks.currency("currency", currency);
    }
}
