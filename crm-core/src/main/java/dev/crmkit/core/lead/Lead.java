package dev.crmkit.core.lead;

import dev.crmkit.model.lead.LeadAttribution;
import dev.crmkit.model.lead.LeadDetails;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.spi.lead.LeadRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead as the lead service reports it. {@code version} is the optimistic version of the stored lead; the score
 * carries its explanation.
 */
public record Lead(UUID id, long version, LeadDetails details, LeadAttribution attribution, LeadStatus status,
        String disqualificationReason, Qualification qualification, LeadScore score, UUID ownerId, Instant assignedAt,
        Instant firstContactDueAt, Instant firstContactedAt, UUID matchedCustomerId, boolean needsReview,
        UUID convertedCustomerId, UUID convertedOpportunityId, Instant closedAt, Instant createdAt,
        Instant updatedAt) {

    /** The lead a stored record describes. */
    public static Lead of(LeadRecord r) {
        return new Lead(r.id(), r.version(), r.details(), r.attribution(), r.status(), r.disqualificationReason(),
                r.qualification(), new LeadScore(r.score(), r.scoreFactors()), r.ownerId(), r.assignedAt(),
                r.firstContactDueAt(), r.firstContactedAt(), r.matchedCustomerId(), r.needsReview(),
                r.convertedCustomerId(), r.convertedOpportunityId(), r.closedAt(), r.createdAt(), r.updatedAt());
    }

    /** Whether the lead is still being worked. */
    public boolean isOpen() {
        return status.isOpen();
    }

    /** The name the queue shows. */
    public String displayName() {
        return details.displayName();
    }
}
