package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.TierBasis;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The tiers of one loyalty programme. Its {@code version} is the scheme's version: every revision stores the next one.
 *
 * <ul>
 *   <li>{@code programme}: the programme's code, 1 to 64 characters; a programme has at most one tier scheme.</li>
 *   <li>{@code basis}: what the tiers are earned by.</li>
 *   <li>{@code windowMonths}: the rolling window the basis is counted over, 1 to {@link #MAX_WINDOW_MONTHS}
 *       months; a member reaching a tier keeps it for at least one window.</li>
 *   <li>{@code tiers}: 1 to {@link #MAX_TIERS} tiers from the lowest to the highest, codes distinct, thresholds
 *       strictly rising.</li>
 * </ul>
 */
public record TierSchemeRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String programme,
        TierBasis basis,
        int windowMonths,
        List<TierRecord> tiers) implements StoredRecord {

    /** The most tiers a programme may have. */
    public static final int MAX_TIERS = 20;
    /** The longest window, in months. */
    public static final int MAX_WINDOW_MONTHS = 36;

    /**
     * Checks the rules above; instants are truncated to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public TierSchemeRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.text("programme", programme, 64);
        tiers = check(basis, windowMonths, tiers);
    }

    /**
     * Checks a scheme's basis, window and tiers by the rules above, for a caller building one.
     *
     * @return the tiers, copied
     * @throws ValidationException naming the first that breaks a rule ({@code basis}, {@code windowMonths},
     *     {@code tiers}, {@code tiers[1].code}, {@code tiers[1].threshold})
     */
    public static List<TierRecord> check(TierBasis basis, int windowMonths, List<TierRecord> tiers) {
        Checks.required("basis", basis);
        if (windowMonths < 1 || windowMonths > MAX_WINDOW_MONTHS) {
            throw new ValidationException("windowMonths", "must be from 1 to " + MAX_WINDOW_MONTHS);
        }
        List<TierRecord> copy = List.copyOf(Checks.noNulls("tiers", tiers));
        if (copy.isEmpty() || copy.size() > MAX_TIERS) {
            throw new ValidationException("tiers", "must be from 1 to " + MAX_TIERS);
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < copy.size(); i++) {
            if (!codes.add(copy.get(i).code())) {
                throw new ValidationException("tiers[" + i + "].code", "repeats another tier's code");
            }
            if (i > 0 && copy.get(i).threshold() <= copy.get(i - 1).threshold()) {
                throw new ValidationException("tiers[" + i + "].threshold", "must be above the tier below's");
            }
        }
        return copy;
    }

    /** This scheme under another id, for a caller replacing a stored scheme with what it read. */
    public TierSchemeRecord withId(UUID otherId) {
        return new TierSchemeRecord(tenantId, otherId, version, createdAt, updatedAt, programme, basis, windowMonths,
                tiers);
    }
}
