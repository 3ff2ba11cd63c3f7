package dev.crmkit.model.lead;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.lead.LeadRecord;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Which leads a query selects; every condition set must hold, an unset one (null; for {@code statuses}, the empty set, never null)
 * selects all.
 *
 * @param statuses      leads in one of these states
 * @param ownerId       leads owned by this team member
 * @param assigned      {@code true}: leads with an owner; {@code false}: leads without one
 * @param source        leads from this source
 * @param needsReview   leads whose review flag has this value
 * @param createdFrom   leads created at or after this instant
 * @param createdBefore leads created before this instant
 */
public record LeadFilter(Set<LeadStatus> statuses, UUID ownerId, Boolean assigned, LeadSource source,
        Boolean needsReview, Instant createdFrom, Instant createdBefore) {

    /** The states of a lead still being worked. */
    public static final Set<LeadStatus> OPEN = Set.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED,
            LeadStatus.NURTURING);

    /**
     * Copies the statuses into an unmodifiable set and truncates the instants to microseconds.
     *
     * @throws ValidationException ({@code statuses}) when the set is null or holds null; ({@code assigned}) when it is
     *     {@code false} together with an owner, a filter that could select nothing
     */
    public LeadFilter {
        Checks.noNulls("statuses", statuses);
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        createdFrom = Checks.optionalInstant("createdFrom", createdFrom);
        createdBefore = Checks.optionalInstant("createdBefore", createdBefore);
        if (ownerId != null && Boolean.FALSE.equals(assigned)) {
            throw new ValidationException("assigned", "cannot be false together with an owner");
        }
    }

    /** Every lead. */
    public static LeadFilter all() {
        return new LeadFilter(Set.of(), null, null, null, null, null, null);
    }

    /** The open leads. */
    public static LeadFilter open() {
        return all().withStatuses(OPEN);
    }

    /** This filter, also requiring one of the states. */
    public LeadFilter withStatuses(Set<LeadStatus> statuses) {
        return new LeadFilter(statuses, ownerId, assigned, source, needsReview, createdFrom, createdBefore);
    }

    /** This filter, also requiring the owner. */
    public LeadFilter ownedBy(UUID ownerId) {
        return new LeadFilter(statuses, ownerId, assigned, source, needsReview, createdFrom, createdBefore);
    }

    /** This filter, also requiring an owner ({@code true}) or none ({@code false}). */
    public LeadFilter assigned(boolean assigned) {
        return new LeadFilter(statuses, ownerId, assigned, source, needsReview, createdFrom, createdBefore);
    }

    /** This filter, also requiring the source. */
    public LeadFilter from(LeadSource source) {
        return new LeadFilter(statuses, ownerId, assigned, source, needsReview, createdFrom, createdBefore);
    }

    /** This filter, also requiring the review flag to be {@code needsReview}. */
    public LeadFilter needingReview(boolean needsReview) {
        return new LeadFilter(statuses, ownerId, assigned, source, needsReview, createdFrom, createdBefore);
    }

    /** This filter, also requiring creation in {@code [from, before)}; either end may be null. */
    public LeadFilter createdBetween(Instant from, Instant before) {
        return new LeadFilter(statuses, ownerId, assigned, source, needsReview, from, before);
    }

    /** Whether {@code lead} meets every condition: the reference meaning every store's query must match. */
    public boolean matches(LeadRecord lead) {
        return (statuses.isEmpty() || statuses.contains(lead.status()))
                && (ownerId == null || ownerId.equals(lead.ownerId()))
                && (assigned == null || assigned == (lead.ownerId() != null))
                && (source == null || source == lead.attribution().source())
                && (needsReview == null || needsReview == lead.needsReview())
                && (createdFrom == null || !lead.createdAt().isBefore(createdFrom))
                && (createdBefore == null || lead.createdAt().isBefore(createdBefore));
    }
}
