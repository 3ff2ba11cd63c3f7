package dev.crmkit.model.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * One target of a service-level policy: how much business time a milestone may take, for tickets of a priority and
 * customers of a tier. A null priority or tier matches any; of the targets that match a ticket, the most specific
 * applies (both given, then the priority alone, then the tier alone, then neither).
 *
 * @param milestone    the milestone it measures
 * @param priority     the ticket priority it is for, or null for any
 * @param tier         the customer tier it is for (the host's code, such as {@code gold}), or null for any
 * @param businessTime the business time allowed: a whole number of minutes, at least one, at most 366 days
 */
public record SlaTarget(MilestoneKind milestone, TicketPriority priority, String tier, Duration businessTime) {
    /** The shape of a tier code. */
    public static final Pattern TIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,49}");
    /** The longest target. */
    public static final Duration MAX = Duration.ofDays(366);

    /**
     * Checks the target.
     *
     * @throws ValidationException ({@code milestone}) when null; ({@code tier}) when given and not a code of 1 to 50
     *     letters, digits, '.', '_' or '-'; ({@code businessTime}) when null, not whole minutes, under a minute or
     *     over {@link #MAX}
     */
    public SlaTarget {
        Checks.required("milestone", milestone);
        if (tier != null && !TIER.matcher(tier).matches()) {
            throw new ValidationException("tier", "must be a code of 1 to 50 letters, digits, '.', '_' or '-'");
        }
        Checks.required("businessTime", businessTime);
        if (!businessTime.truncatedTo(ChronoUnit.MINUTES).equals(businessTime)
                || businessTime.compareTo(Duration.ofMinutes(1)) < 0 || businessTime.compareTo(MAX) > 0) {
            throw new ValidationException("businessTime", "must be whole minutes, from 1 minute to 366 days");
        }
    }

    /** A target for every ticket, whatever its priority and tier. */
    public static SlaTarget of(MilestoneKind milestone, Duration businessTime) {
        return new SlaTarget(milestone, null, null, businessTime);
    }

    /** This target for one priority only. */
    public SlaTarget forPriority(TicketPriority forPriority) {
        return new SlaTarget(milestone, Checks.required("priority", forPriority), tier, businessTime);
    }

    /** This target for one customer tier only. */
    public SlaTarget forTier(String forTier) {
        return new SlaTarget(milestone, priority, Checks.required("tier", forTier), businessTime);
    }

    /** Whether it applies to a ticket of this priority whose customer has this tier (null: none known). */
    public boolean matches(TicketPriority ticketPriority, String customerTier) {
        return (priority == null || priority == ticketPriority) && (tier == null || tier.equals(customerTier));
    }

    /** How specific it is: 3 with priority and tier, 2 with the priority alone, 1 with the tier alone, 0 without. */
    public int specificity() {
        return (priority != null ? 2 : 0) + (tier != null ? 1 : 0);
    }
}
