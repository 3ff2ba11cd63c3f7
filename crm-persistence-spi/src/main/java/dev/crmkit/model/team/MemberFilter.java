package dev.crmkit.model.team;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.team.TeamMemberRecord;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Which team members a query selects; every condition set must hold, an unset one (null or empty) selects all.
 *
 * @param roles        members with one of these roles
 * @param teamId       members of this team
 * @param managerId    members reporting directly to this member
 * @param skill        members with exactly this skill
 * @param language     members speaking exactly this language tag
 * @param territory    members covering exactly this territory
 * @param availableAt  members who take new work at this instant ({@link TeamMemberRecord#availableAt})
 */
public record MemberFilter(Set<TeamRole> roles, UUID teamId, UUID managerId, String skill, String language,
        String territory, Instant availableAt) {

    /**
     * Copies the roles into an unmodifiable set and truncates {@code availableAt} to microseconds.
     *
     * @throws dev.crmkit.model.ValidationException ({@code roles}) when the set is null or holds null; ({@code skill},
     *     {@code language}, {@code territory}) when one is longer than a member's value can be
     */
    public MemberFilter {
        Checks.noNulls("roles", roles);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        Checks.optionalText("skill", skill, 64);
        Checks.optionalText("language", language, 35);
        Checks.optionalText("territory", territory, 64);
        availableAt = Checks.optionalInstant("availableAt", availableAt);
    }

    /** Every member. */
    public static MemberFilter everyone() {
        return new MemberFilter(Set.of(), null, null, null, null, null, null);
    }

    /** This filter, also requiring one of {@code roles}. */
    public MemberFilter withRoles(Set<TeamRole> roles) {
        return new MemberFilter(roles, teamId, managerId, skill, language, territory, availableAt);
    }

    /** This filter, also requiring membership of the team. */
    public MemberFilter inTeam(UUID teamId) {
        return new MemberFilter(roles, teamId, managerId, skill, language, territory, availableAt);
    }

    /** This filter, also requiring the member to report directly to {@code managerId}. */
    public MemberFilter reportingTo(UUID managerId) {
        return new MemberFilter(roles, teamId, managerId, skill, language, territory, availableAt);
    }

    /** This filter, also requiring the skill. */
    public MemberFilter withSkill(String skill) {
        return new MemberFilter(roles, teamId, managerId, skill, language, territory, availableAt);
    }

    /** This filter, also requiring the language. */
    public MemberFilter speaking(String language) {
        return new MemberFilter(roles, teamId, managerId, skill, language, territory, availableAt);
    }

    /** This filter, also requiring the territory. */
    public MemberFilter covering(String territory) {
        return new MemberFilter(roles, teamId, managerId, skill, language, territory, availableAt);
    }

    /** This filter, also requiring the member to take new work at {@code at}. */
    public MemberFilter available(Instant at) {
        return new MemberFilter(roles, teamId, managerId, skill, language, territory, at);
    }

    /** Whether {@code member} meets every condition: the reference meaning every store's query must match. */
    public boolean matches(TeamMemberRecord member) {
        return (roles.isEmpty() || roles.contains(member.role()))
                && (teamId == null || teamId.equals(member.teamId()))
                && (managerId == null || managerId.equals(member.managerId()))
                && (skill == null || member.skills().contains(skill))
                && (language == null || member.languages().contains(language))
                && (territory == null || member.territories().contains(territory))
                && (availableAt == null || member.availableAt(availableAt));
    }
}
