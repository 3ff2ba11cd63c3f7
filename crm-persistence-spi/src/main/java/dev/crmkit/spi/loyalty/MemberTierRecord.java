package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * The tier a member holds in their programme. Its {@code id} is the membership's id: a membership has one.
 *
 * <ul>
 *   <li>{@code programme}: the membership's programme code, 1 to 64 characters.</li>
 *   <li>{@code tier}: the code of the tier held, or null for none.</li>
 *   <li>{@code since}: when the member reached the tier held; null exactly when {@code tier} is.</li>
 *   <li>{@code reviewAt}: when the tier is evaluated again for a downgrade; null exactly when {@code tier} is.</li>
 * </ul>
 */
public record MemberTierRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String programme,
        String tier,
        Instant since,
        Instant reviewAt) implements StoredRecord {

    /**
     * Checks the rules above; instants are truncated to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public MemberTierRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.text("programme", programme, 64);
        tier = tier == null ? null : Checks.text("tier", tier, 64);
        since = Checks.optionalInstant("since", since);
        reviewAt = Checks.optionalInstant("reviewAt", reviewAt);
        if ((since == null) != (tier == null)) {
            throw new ValidationException("since", "must be present exactly when a tier is held");
        }
        if ((reviewAt == null) != (tier == null)) {
            throw new ValidationException("reviewAt", "must be present exactly when a tier is held");
        }
    }
}
