package dev.crmkit.spi.lead;

import dev.crmkit.spi.Checks;

/** How many leads of one source are in one state: a row of the lead funnel report. */
public record LeadTally(LeadSource source, LeadStatus status, long count) {
    /** @throws dev.crmkit.spi.ValidationException ({@code source}, {@code status}) when either is null */
    public LeadTally {
        Checks.required("source", source);
        Checks.required("status", status);
    }
}
