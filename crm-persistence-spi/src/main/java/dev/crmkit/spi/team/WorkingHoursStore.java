package dev.crmkit.spi.team;

import dev.crmkit.model.Checks;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /**
     * The working hours of the members {@code memberIds} names in the tenant, in one read: each as {@link #get} reads
     * it, keyed by member id; members without stored hours are absent from the map, and duplicates count once. The
     * default reads them one at a time.
     *
     * @throws dev.crmkit.model.ValidationException ({@code memberIds}) when null, holding null or more than
     *     {@link PageRequest#MAX_LIMIT} ids
     */
    default Map<UUID, WorkingHoursRecord> getAll(String tenantId, Collection<UUID> memberIds) {
        Checks.tenantId("tenantId", tenantId);
        Set<UUID> distinct = new LinkedHashSet<>(Checks.noNulls("memberIds", memberIds));
        if (distinct.size() > PageRequest.MAX_LIMIT) {
            throw new ValidationException("memberIds", "must hold at most " + PageRequest.MAX_LIMIT + " ids");
        }
        Map<UUID, WorkingHoursRecord> hours = new LinkedHashMap<>();
        for (UUID memberId : distinct) {
            get(tenantId, memberId).ifPresent(h -> hours.put(memberId, h));
        }
        return hours;
    }
}
