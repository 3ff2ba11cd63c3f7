package dev.crmkit.spi.lead;

import dev.crmkit.model.Checks;
import java.util.UUID;

/**
 * The shared state of lead distribution in one tenant and pool: the member who got the last lead (so round robin
 * goes on after it) and a version. Every assignment writes it with the version it read, so two nodes that assign
 * at once conflict instead of both handing work to the same rep or past a rep's capacity.
 *
 * <ul>
 *   <li>{@code pool}: the name of the group of reps rotated through (such as {@code default}), 1 to 100
 *       characters.</li>
 *   <li>{@code lastMemberId}: null before the first assignment.</li>
 *   <li>{@code version}: 1 after the first save, one more after each.</li>
 * </ul>
 */
public record LeadRotationRecord(String tenantId, String pool, UUID lastMemberId, long version) {
    /**
     * Checks the rules above.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public LeadRotationRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("pool", pool, 100);
        Checks.version("version", version);
    }
}
