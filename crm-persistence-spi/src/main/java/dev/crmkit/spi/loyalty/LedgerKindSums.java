package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.loyalty.LedgerEntryKind;

/**
 * A membership's entries of one kind summed for a statement: those posted before the period and those in it.
 *
 * @param kind the entries' kind
 * @param opening the sums of the entries posted before the period
 * @param period the sums of the entries posted in the period
 */
public record LedgerKindSums(LedgerEntryKind kind, LedgerSums opening, LedgerSums period) {
    /** Checks that nothing is null. */
    public LedgerKindSums {
        Checks.required("kind", kind);
        Checks.required("opening", opening);
        Checks.required("period", period);
    }
}
