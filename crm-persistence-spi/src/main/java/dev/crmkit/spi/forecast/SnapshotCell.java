package dev.crmkit.spi.forecast;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ForecastCategory;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * One figure of a pipeline snapshot: one owner's deals of one period and forecast category, in the snapshot's
 * currency.
 *
 * @param snapshotId the snapshot
 * @param period the fiscal period's label
 * @param ownerId the deals' owner, or null for unowned deals
 * @param category closed (won), commit, best case or pipeline; never omitted
 * @param deals how many deals, zero or more
 * @param amount their amount, zero or more, at most four places (kept at scale 4)
 * @param weightedAmount their probability-weighted amount, as {@code amount}
 */
public record SnapshotCell(UUID snapshotId, String period, UUID ownerId, ForecastCategory category, long deals,
        BigDecimal amount, BigDecimal weightedAmount) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public SnapshotCell {
        Checks.id("snapshotId", snapshotId);
        Checks.required("period", period);
        if (!QuotaRecord.PERIOD.matcher(period).matches()) {
            throw new ValidationException("period", "must be a fiscal period label such as FY2027-Q1");
        }
        Checks.required("category", category);
        if (category == ForecastCategory.OMITTED) {
            throw new ValidationException("category", "must not be OMITTED");
        }
        if (deals < 0) {
            throw new ValidationException("deals", "must not be negative");
        }
        amount = Checks.amount("amount", amount);
        weightedAmount = Checks.amount("weightedAmount", weightedAmount);
    }
}
