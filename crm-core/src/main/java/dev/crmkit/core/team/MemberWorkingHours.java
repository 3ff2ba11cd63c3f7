package dev.crmkit.core.team;

import java.time.Instant;
import java.util.UUID;

/**
 * A team member's stored working hours, with the version to replace them over.
 *
 * @param memberId  the member
 * @param version   the version (pass it to {@link TeamService#setWorkingHours} to replace them)
 * @param updatedAt when they were last stored
 * @param hours     the hours
 */
public record MemberWorkingHours(UUID memberId, long version, Instant updatedAt, WorkingHours hours) {
}
