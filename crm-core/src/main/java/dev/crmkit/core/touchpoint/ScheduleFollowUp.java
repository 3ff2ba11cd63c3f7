package dev.crmkit.core.touchpoint;

import dev.crmkit.core.common.Text;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Instant;
import java.util.UUID;

/**
 * Schedules a follow-up task for a customer: something a user has to do by {@code dueAt}. {@code title} is
 * required (at most 200 characters); {@code assigneeId} (the host's user id, at most 100) and
 * {@code interactionId} (the interaction the task arose from, which must belong to the same customer) are
 * optional.
 * A value that is missing or out of range is rejected on construction with a {@link ValidationException} naming
 * the field.
 */
public record ScheduleFollowUp(UUID customerId, String title, Instant dueAt, String assigneeId, UUID interactionId) {

    /** Validates every field; see the type's description. */
    public ScheduleFollowUp {
        Checks.id("customerId", customerId);
        title = Text.required("title", title, 200);
        dueAt = Checks.instant("dueAt", dueAt);
        if (assigneeId != null) {
            Checks.userId("assigneeId", assigneeId);
        }
    }

    /** A follow-up that nobody is assigned to yet and that arose from no particular interaction. */
    public static ScheduleFollowUp of(UUID customerId, String title, Instant dueAt) {
        return new ScheduleFollowUp(customerId, title, dueAt, null, null);
    }
}
