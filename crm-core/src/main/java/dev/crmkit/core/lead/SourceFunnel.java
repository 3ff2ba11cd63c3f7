package dev.crmkit.core.lead;

import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.LeadStatus;
import java.util.Map;

/**
 * The leads of one source captured in a period, by state now, and their conversion rate: converted leads over
 * closed ones (converted or disqualified), 0 when none closed yet.
 */
public record SourceFunnel(LeadSource source, Map<LeadStatus, Long> byStatus, long total, double conversionRate) {
    /** Copies the counts by state. */
    public SourceFunnel {
        byStatus = Map.copyOf(byStatus);
    }
}
