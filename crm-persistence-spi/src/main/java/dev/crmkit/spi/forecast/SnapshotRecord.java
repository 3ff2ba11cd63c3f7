package dev.crmkit.spi.forecast;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Instant;
import java.util.UUID;

/**
 * A pipeline snapshot: the pipeline forecast of some fiscal periods as it stood when a schedule fell due, kept so that
 * the forecast's accuracy can be measured once the periods have closed. Its figures are {@link SnapshotCell}s and the
 * exchange rates that converted them {@link SnapshotRate}s.
 *
 * <ul>
 *   <li>{@code schedule}: the name of the schedule that took it, 1 to 100 characters.</li>
 *   <li>{@code occurrence}: when the schedule fell due; a schedule has at most one snapshot per occurrence.</li>
 *   <li>{@code takenAt}: when it was taken (at or after the occurrence).</li>
 *   <li>{@code firstPeriod}: the label of the first period it covers, as for {@link QuotaRecord}; {@code periods}: how
 *       many consecutive periods of that type, 1 to 120.</li>
 *   <li>{@code currency}: the reporting currency of every amount, ISO 4217.</li>
 * </ul>
 */
public record SnapshotRecord(String tenantId, UUID id, String schedule, Instant occurrence, Instant takenAt,
        String firstPeriod, int periods, String currency) {
    /**
     * Checks the rules above and truncates the instants to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public SnapshotRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.text("schedule", schedule, 100);
        occurrence = Checks.instant("occurrence", occurrence);
        takenAt = Checks.instant("takenAt", takenAt);
        Checks.required("firstPeriod", firstPeriod);
        if (!QuotaRecord.PERIOD.matcher(firstPeriod).matches()) {
            throw new ValidationException("firstPeriod", "must be a fiscal period label such as FY2027-Q1");
        }
        Checks.limit("periods", periods, 120);
        currency = Checks.currency("currency", currency);
    }
}
