package dev.crmkit.core.ticket;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.SlaTarget;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.spi.ticket.SlaPolicyRecord;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's service-level policy: how much business time each milestone of a ticket may take, per priority and
 * customer tier. Of the targets that match a ticket, the most specific applies ({@link SlaTarget#specificity()}:
 * priority and tier, then the priority alone, then the tier alone, then neither); a milestone no target matches is not
 * measured.
 *
 * <pre>{@code
 * SlaPolicy policy = SlaPolicy.of(List.of(
 *         SlaTarget.of(FIRST_RESPONSE, Duration.ofHours(8)),
 *         SlaTarget.of(FIRST_RESPONSE, Duration.ofHours(1)).forPriority(URGENT),
 *         SlaTarget.of(FIRST_RESPONSE, Duration.ofMinutes(30)).forPriority(URGENT).forTier("gold"),
 *         SlaTarget.of(RESOLUTION, Duration.ofDays(3))));
 * }</pre>
 *
 * @param targets the targets, at most 200, no two for the same milestone, priority and tier; kept in a fixed order
 */
public record SlaPolicy(List<SlaTarget> targets) {
    /**
     * Checks and orders the targets.
     *
     * @throws ValidationException ({@code targets}) when null, holding null, too many or two alike
     */
    public SlaPolicy {
        targets = SlaPolicyRecord.targets("targets", targets);
    }

    /** A policy of these targets. */
    public static SlaPolicy of(List<SlaTarget> targets) {
        return new SlaPolicy(targets);
    }

    /** A policy without targets: no milestone is measured. */
    public static SlaPolicy none() {
        return new SlaPolicy(List.of());
    }

    /**
     * The business time the milestone may take on a ticket of this priority whose customer has this tier (null: none
     * known): the most specific matching target's, or empty when none matches.
     */
    public Optional<Duration> targetFor(MilestoneKind milestone, TicketPriority priority, String tier) {
        return targets.stream().filter(t -> t.milestone() == milestone && t.matches(priority, tier))
                .max(Comparator.comparingInt(SlaTarget::specificity)).map(SlaTarget::businessTime);
    }

    /** Whether some target names a tier, so that a ticket's customer tier matters. */
    public boolean namesTiers() {
        return targets.stream().anyMatch(t -> t.tier() != null);
    }
}
