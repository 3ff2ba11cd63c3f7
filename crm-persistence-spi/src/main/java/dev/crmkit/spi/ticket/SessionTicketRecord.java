package dev.crmkit.spi.ticket;

import dev.crmkit.model.Checks;
import java.time.Instant;
import java.util.UUID;

/**
 * The host's word that an anonymous session opened a ticket, so views recorded for that session before it are not
 * counted as deflected.
 *
 * @param tenantId  the tenant
 * @param sessionId the host's opaque session id, 1 to 100 characters
 * @param ticketId  the ticket it opened
 * @param openedAt  when the ticket was opened
 */
public record SessionTicketRecord(String tenantId, String sessionId, UUID ticketId, Instant openedAt) {
    /**
     * Checks that every component is present and well-formed.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public SessionTicketRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("sessionId", sessionId);
        ArticleViewRecord.sessionId(sessionId);
        Checks.id("ticketId", ticketId);
        openedAt = Checks.instant("openedAt", openedAt);
    }
}
