package dev.crmkit.spi.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Instant;
import java.util.UUID;

/**
 * One reading of a knowledge-base article by a customer or an anonymous session, kept to count deflection: the view
 * is deflected when no ticket is opened by that customer (a ticket of the customer created in the window) or that
 * session ({@link SessionTicketRecord}) from {@code viewedAt} until {@code windowEndsAt}.
 *
 * @param tenantId     the tenant
 * @param id           the view
 * @param articleId    the article read
 * @param customerId   the customer who read it, or null for an anonymous reader
 * @param sessionId    the host's opaque session id (1 to 100 characters), or null; a view names a customer, a session
 *                     or both
 * @param viewedAt     when it was read
 * @param windowEndsAt when the deflection window ends, after {@code viewedAt}
 */
public record ArticleViewRecord(String tenantId, UUID id, UUID articleId, UUID customerId, String sessionId,
        Instant viewedAt, Instant windowEndsAt) {
    /** The longest session id. */
    public static final int MAX_SESSION_ID = 100;

    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public ArticleViewRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.id("articleId", articleId);
        sessionId = sessionId(sessionId);
        if (customerId == null && sessionId == null) {
            throw new ValidationException("customerId", "or a session id is required");
        }
        viewedAt = Checks.instant("viewedAt", viewedAt);
        windowEndsAt = Checks.instant("windowEndsAt", windowEndsAt);
        if (!windowEndsAt.isAfter(viewedAt)) {
            throw new ValidationException("windowEndsAt", "must be after viewedAt");
        }
    }

    /**
     * An optional session id checked: null passes; otherwise 1 to 100 characters, not blank.
     *
     * @throws ValidationException ({@code sessionId}) when it breaks the rule
     */
    public static String sessionId(String sessionId) {
        if (sessionId != null) {
            Checks.text("sessionId", sessionId, MAX_SESSION_ID);
        }
        return sessionId;
    }
}
