package dev.crmkit.spi.forecast;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An exchange rate a pipeline snapshot used: the deals of {@code period} in {@code fromCurrency} were converted into
 * the snapshot's currency at {@code rate}, the rate that applies from {@code appliesFrom}.
 *
 * @param period the fiscal period's label
 * @param fromCurrency ISO 4217 code of the deals' currency
 * @param rate units of the snapshot's currency per unit of {@code fromCurrency}: above zero, at most 12 places
 * @param appliesFrom the day the rate applies from
 */
public record SnapshotRate(String period, String fromCurrency, BigDecimal rate, LocalDate appliesFrom) {
    /**
     * Checks the rules above; keeps the rate at scale 12.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public SnapshotRate {
        Checks.required("period", period);
        if (!QuotaRecord.PERIOD.matcher(period).matches()) {
            throw new ValidationException("period", "must be a fiscal period label such as FY2027-Q1");
        }
        fromCurrency = Checks.currency("fromCurrency", fromCurrency);
        rate = Checks.scaled("rate", rate, 12);
        if (rate.signum() <= 0) {
            throw new ValidationException("rate", "must be above zero");
        }
        Checks.required("appliesFrom", appliesFrom);
    }
}
