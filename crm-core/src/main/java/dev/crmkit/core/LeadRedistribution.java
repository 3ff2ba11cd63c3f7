package dev.crmkit.core;

import dev.crmkit.core.port.EventListener;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.team.TeamMemberAvailabilityChanged;
import dev.crmkit.spi.team.Availability;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Hands the open leads of a deactivated team member to the rest of the team: listens for
 * {@link TeamMemberAvailabilityChanged} to {@code DEACTIVATED} on the outbox relay, so it runs after the
 * deactivation committed, at least once (redistributing twice finds nothing left the second time). A member who
 * is only away keeps their leads.
 */
final class LeadRedistribution implements EventListener {
    private static final String TYPE = TeamMemberAvailabilityChanged.class.getSimpleName();

    private final Crm crm;

    LeadRedistribution(Crm crm) {
        this.crm = crm;
    }

    @Override
    public void onEvent(PublishedEvent event) {
        if (!TYPE.equals(event.type())) {
            return;
        }
        JsonNode payload = crm.context().json().readTree(event.payload());
        if (!Availability.DEACTIVATED.name().equals(payload.path("availability").asString())) {
            return;
        }
        crm.tenant(event.tenantId()).leads().redistribute(UUID.fromString(payload.path("memberId").asString()));
    }
}
