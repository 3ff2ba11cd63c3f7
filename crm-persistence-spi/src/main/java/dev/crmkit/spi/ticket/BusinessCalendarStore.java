package dev.crmkit.spi.ticket;

import java.util.Optional;
import java.util.UUID;

/**
 * Business-hours calendars, one per tenant (its default) and one per team at most, replaced whole by compare-and-set
 * on the version, so that of two changes racing on two nodes exactly one is stored and the other learns it. Scoped by
 * tenant in every call; the team id is stored as given and not checked here.
 */
public interface BusinessCalendarStore {
    /**
     * Stores {@code calendar} as the calendar of its team (its tenant's default when {@code teamId} is null) if the
     * stored one is at {@code expectedVersion}, or, with {@code expectedVersion} 0, if there is none yet. The stored
     * calendar is at version {@code expectedVersion + 1} whatever version {@code calendar} carries; replacing keeps the
     * stored {@code id} and {@code createdAt} and takes zone, hours, holidays and {@code updatedAt} from
     * {@code calendar}. Returns the stored record, as {@link #get} reads it back.
     *
     * @throws dev.crmkit.model.ValidationException ({@code expectedVersion}) when negative, ({@code calendar}) when
     *     null
     * @throws dev.crmkit.model.ConflictException (retryable) when the stored version is not {@code expectedVersion}
     *     (another change stored first, a racing first calendar included, or there is none to replace); nothing
     *     changes
     */
    BusinessCalendarRecord save(BusinessCalendarRecord calendar, long expectedVersion);

    /** The calendar of the team, or with {@code teamId} null the tenant's default, or empty. */
    Optional<BusinessCalendarRecord> get(String tenantId, UUID teamId);
}
