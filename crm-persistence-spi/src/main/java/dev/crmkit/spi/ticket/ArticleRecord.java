package dev.crmkit.spi.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.ArticleContent;
import dev.crmkit.model.ticket.ArticleState;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A knowledge-base (FAQ) article of a tenant.
 *
 * <ul>
 *   <li>{@code content}: title, body, tags and language, required.</li>
 *   <li>{@code state}: required. {@code publishedAt}: when it was last published; set exactly when the state is
 *       {@link ArticleState#PUBLISHED} or {@link ArticleState#ARCHIVED} (an archived article keeps when it had been
 *       published), null on a draft.</li>
 * </ul>
 */
public record ArticleRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        ArticleContent content,
        ArticleState state,
        Instant publishedAt) implements StoredRecord {

    /**
     * Checks the rules above; every instant is truncated to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public ArticleRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.required("content", content);
        Checks.required("state", state);
        publishedAt = Checks.optionalInstant("publishedAt", publishedAt);
        if ((state == ArticleState.DRAFT) != (publishedAt == null)) {
            throw new ValidationException("publishedAt", "must be set exactly on a published or archived article");
        }
    }
}
