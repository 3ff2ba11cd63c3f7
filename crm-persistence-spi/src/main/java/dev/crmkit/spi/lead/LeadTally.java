package dev.crmkit.spi.lead;

import dev.crmkit.model.Checks;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.LeadStatus;

/** How many leads of one source are in one state: a row of the lead funnel report. */
public record LeadTally(LeadSource source, LeadStatus status, long count) {
    /** @throws dev.crmkit.model.ValidationException ({@code source}, {@code status}) when either is null */
    public LeadTally {
        Checks.required("source", source);
        Checks.required("status", status);
    }
}
