package dev.crmkit.spi.team;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.Availability;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A sales rep, service agent or manager.
 *
 * <ul>
 *   <li>{@code userId}: the member's id in the host's user directory, 1 to 100 characters, unique per tenant.</li>
 *   <li>{@code displayName}: 1 to 200 characters.</li>
 *   <li>{@code teamId}, {@code managerId}: optional; a member is never its own manager.</li>
 *   <li>{@code skills}, {@code territories}: at most 50 each, each 1 to 64 characters; {@code languages}: at
 *       most 20 language tags (BCP 47, such as {@code de} or {@code pt-BR}), 1 to 35 characters. All kept
 *       sorted; matching is exact.</li>
 *   <li>{@code seniority}: 0 (junior) to 10; {@code capacity}: the most open leads or tickets at once, 0 to
 *       10,000.</li>
 *   <li>{@code availability} with {@code awayUntil}: set exactly when the member is {@link Availability#AWAY}.</li>
 * </ul>
 */
public record TeamMemberRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String userId,
        String displayName,
        TeamRole role,
        UUID teamId,
        UUID managerId,
        Set<String> skills,
        Set<String> languages,
        Set<String> territories,
        int seniority,
        int capacity,
        Availability availability,
        Instant awayUntil) implements StoredRecord {

    /** The most skills or territories a member may carry. */
    public static final int MAX_ATTRIBUTES = 50;
    /** The most languages a member may carry. */
    public static final int MAX_LANGUAGES = 20;
    /** The highest seniority level. */
    public static final int MAX_SENIORITY = 10;
    /** The highest capacity. */
    public static final int MAX_CAPACITY = 10_000;

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and the
     * timestamps are truncated to microseconds, the precision every backend keeps.
     * Skills, languages and territories are copied into sorted, unmodifiable sets.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public TeamMemberRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.text("userId", userId, 100);
        Checks.text("displayName", displayName, 200);
        Checks.required("role", role);
        if (id.equals(managerId)) {
            throw new ValidationException("managerId", "must not be the member itself");
        }
        skills = values("skills", skills, MAX_ATTRIBUTES, 64);
        languages = values("languages", languages, MAX_LANGUAGES, 35);
        territories = values("territories", territories, MAX_ATTRIBUTES, 64);
        if (seniority < 0 || seniority > MAX_SENIORITY) {
            throw new ValidationException("seniority", "must be 0 to " + MAX_SENIORITY);
        }
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new ValidationException("capacity", "must be 0 to " + MAX_CAPACITY);
        }
        Checks.required("availability", availability);
        awayUntil = Checks.optionalInstant("awayUntil", awayUntil);
        if ((availability == Availability.AWAY) != (awayUntil != null)) {
            throw new ValidationException("awayUntil", "must be set exactly when the member is away");
        }
    }

    /**
     * Whether the member takes new work at {@code at}: active, or away until {@code at} or earlier; never when
     * deactivated.
     */
    public boolean availableAt(Instant at) {
        return availability == Availability.ACTIVE
                || availability == Availability.AWAY && !awayUntil.isAfter(at);
    }

    private static Set<String> values(String field, Set<String> values, int most, int maxLength) {
        Checks.noNulls(field, values);
        if (values.size() > most) {
            throw new ValidationException(field, "must hold at most " + most + " values");
        }
        for (String value : values) {
            Checks.text(field + "[]", value, maxLength);
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }
}
