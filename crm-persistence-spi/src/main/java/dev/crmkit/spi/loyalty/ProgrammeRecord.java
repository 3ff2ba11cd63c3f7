package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.ExpiryKind;
import dev.crmkit.spi.StoredRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's loyalty programme with its accrual rules. Its {@code version} is the programme's version: every revision
 * of the rules stores the next one.
 *
 * <ul>
 *   <li>{@code code}: the programme's code, 1 to 64 characters, unique in the tenant; memberships name it.</li>
 *   <li>{@code currency}: the ISO 4217 currency whose spend earns points; spend in another currency earns none.</li>
 *   <li>{@code qualifyingPerUnit}, {@code redeemablePerUnit}: the base rate, points of each currency per unit
 *       spent, from 0 to 1,000 with at most four places, normalized to scale 4.</li>
 *   <li>{@code returnWindowDays}: how long after a purchase its points stay pending, 0 to 365 days.</li>
 *   <li>{@code rules}: at most {@link #MAX_RULES} rules, in the order given, no two of one kind with one key.</li>
 *   <li>{@code expiryKind}, {@code expiryMonths}: how redeemable points expire; {@link ExpiryKind#NONE} with 0 months
 *       (a programme stored without an expiry policy), or {@link ExpiryKind#FIXED} or {@link ExpiryKind#ACTIVITY}
 *       with 1 to {@link #MAX_EXPIRY_MONTHS} months.</li>
 * </ul>
 */
public record ProgrammeRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String code,
        String currency,
        BigDecimal qualifyingPerUnit,
        BigDecimal redeemablePerUnit,
        int returnWindowDays,
        List<ProgrammeRuleRecord> rules,
        ExpiryKind expiryKind,
        int expiryMonths) implements StoredRecord {

    /** The most rules a programme may have. */
    public static final int MAX_RULES = 500;
    /** The highest base rate. */
    public static final BigDecimal MAX_RATE = BigDecimal.valueOf(1000);
    /** The longest return window, in days. */
    public static final int MAX_RETURN_WINDOW_DAYS = 365;
    /** The longest an expiry policy may wait, in months. */
    public static final int MAX_EXPIRY_MONTHS = 120;

    /**
     * Checks the rules above; instants are truncated to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public ProgrammeRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.text("code", code, 64);
        Checks.currency("currency", currency);
        qualifyingPerUnit = rate("qualifyingPerUnit", qualifyingPerUnit);
        redeemablePerUnit = rate("redeemablePerUnit", redeemablePerUnit);
        if (returnWindowDays < 0 || returnWindowDays > MAX_RETURN_WINDOW_DAYS) {
            throw new ValidationException("returnWindowDays", "must be from 0 to " + MAX_RETURN_WINDOW_DAYS);
        }
        rules = List.copyOf(Checks.noNulls("rules", rules));
        if (rules.size() > MAX_RULES) {
            throw new ValidationException("rules", "must be at most " + MAX_RULES);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            ProgrammeRuleRecord rule = rules.get(i);
            if (!seen.add(rule.kind() + " " + rule.key())) {
                throw new ValidationException("rules[" + i + "].key", "repeats a " + rule.kind() + " rule's key");
            }
        }
        Checks.required("expiryKind", expiryKind);
        boolean none = expiryKind == ExpiryKind.NONE;
        if (none ? expiryMonths != 0 : expiryMonths < 1 || expiryMonths > MAX_EXPIRY_MONTHS) {
            throw new ValidationException("expiryMonths", none
                    ? "must be 0 without an expiry policy" : "must be from 1 to " + MAX_EXPIRY_MONTHS);
        }
    }

    /** A programme whose points never expire ({@link ExpiryKind#NONE}), as stored before expiry policies existed. */
    public ProgrammeRecord(String tenantId, UUID id, long version, Instant createdAt, Instant updatedAt, String code,
            String currency, BigDecimal qualifyingPerUnit, BigDecimal redeemablePerUnit, int returnWindowDays,
            List<ProgrammeRuleRecord> rules) {
        this(tenantId, id, version, createdAt, updatedAt, code, currency, qualifyingPerUnit, redeemablePerUnit,
                returnWindowDays, rules, ExpiryKind.NONE, 0);
    }

    private static BigDecimal rate(String field, BigDecimal value) {
        BigDecimal scaled = Checks.scaled(field, value, 4);
        if (scaled.signum() < 0 || scaled.compareTo(MAX_RATE) > 0) {
            throw new ValidationException(field, "must be from 0 to " + MAX_RATE);
        }
        return scaled;
    }
}
