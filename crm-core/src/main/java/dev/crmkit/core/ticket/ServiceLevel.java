package dev.crmkit.core.ticket;

import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.TicketPriority;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a ticket's milestones are measured by, as the service found it for one command: the calendar in force (the
 * ticket's team's, else the tenant's, else around the clock), the tenant's policy, the customer's tier (asked only
 * when a target names tiers) and the ids new milestones get.
 */
record ServiceLevel(BusinessCalendar calendar, SlaPolicy policy, Supplier<String> tier, Supplier<UUID> ids) {
    /** No policy: no milestone is measured. */
    static final ServiceLevel NONE = new ServiceLevel(BusinessCalendar.aroundTheClock(ZoneOffset.UTC),
            SlaPolicy.none(), () -> null, () -> {
                throw new IllegalStateException("no milestone is started without a policy");
            });

    /** The business time the milestone may take at this priority, or empty when the policy has no target for it. */
    Optional<Duration> target(MilestoneKind kind, TicketPriority priority) {
        return policy.targetFor(kind, priority, policy.namesTiers() ? tier.get() : null);
    }
}
