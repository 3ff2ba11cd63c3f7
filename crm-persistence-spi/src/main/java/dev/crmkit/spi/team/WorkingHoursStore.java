package dev.crmkit.spi.team;

import java.util.Optional;
import java.util.UUID;

/**
 * Team members' working hours, one record per member, replaced whole by compare-and-set on the version, so that of
 * two changes racing on two nodes exactly one is stored and the other learns it. Scoped by tenant in every call; the
 * member id is stored as given and not checked here.
 */
public interface WorkingHoursStore {
    /**
     * Stores {@code hours} as its member's working hours if the stored ones are at {@code expectedVersion}, or, with
     * {@code expectedVersion} 0, if there are none yet. The stored record is at version {@code expectedVersion + 1}
     * whatever version {@code hours} carries; replacing keeps the stored {@code id} and {@code createdAt} and takes
     * zone, periods and {@code updatedAt} from {@code hours}. Returns the stored record, as {@link #get} reads it back.
     *
     * @throws dev.crmkit.model.ValidationException ({@code expectedVersion}) when negative, ({@code hours}) when null
     * @throws dev.crmkit.model.ConflictException (retryable) when the stored version is not {@code expectedVersion};
     *     nothing changes
     */
    WorkingHoursRecord save(WorkingHoursRecord hours, long expectedVersion);

    /** The member's working hours, or empty. */
    Optional<WorkingHoursRecord> get(String tenantId, UUID memberId);
}
