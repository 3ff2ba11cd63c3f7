package dev.crmkit.core.team;

import dev.crmkit.model.team.TeamRole;
import java.util.Set;
import java.util.UUID;

/**
 * What a member is, as a command gives it: who (user id, display name), what they do (role, team, manager) and
 * what work suits them (skills, languages, territories, seniority 0 to 10, capacity 0 to 10,000 open items).
 * Start with {@link #of} and add the rest with the {@code with...} methods. The service validates it: every error
 * names its field.
 */
public record MemberDetails(String userId, String displayName, TeamRole role, UUID teamId, UUID managerId,
        Set<String> skills, Set<String> languages, Set<String> territories, int seniority, int capacity) {

    /** The default capacity: the most open leads or tickets a new member works at once. */
    public static final int DEFAULT_CAPACITY = 25;

    /** A member with no team, manager, skills, languages or territories, seniority 0 and the default capacity. */
    public static MemberDetails of(String userId, String displayName, TeamRole role) {
        return new MemberDetails(userId, displayName, role, null, null, Set.of(), Set.of(), Set.of(), 0,
                DEFAULT_CAPACITY);
    }

    /** These details in the team ({@code null}: in none). */
    public MemberDetails withTeam(UUID teamId) {
        return new MemberDetails(userId, displayName, role, teamId, managerId, skills, languages, territories,
                seniority, capacity);
    }

    /** These details reporting to the manager ({@code null}: to nobody). */
    public MemberDetails withManager(UUID managerId) {
        return new MemberDetails(userId, displayName, role, teamId, managerId, skills, languages, territories,
                seniority, capacity);
    }

    /** These details with the skills. */
    public MemberDetails withSkills(Set<String> skills) {
        return new MemberDetails(userId, displayName, role, teamId, managerId, skills, languages, territories,
                seniority, capacity);
    }

    /** These details with the languages, as BCP 47 tags ({@code de}, {@code pt-BR}). */
    public MemberDetails withLanguages(Set<String> languages) {
        return new MemberDetails(userId, displayName, role, teamId, managerId, skills, languages, territories,
                seniority, capacity);
    }

    /** These details with the territories. */
    public MemberDetails withTerritories(Set<String> territories) {
        return new MemberDetails(userId, displayName, role, teamId, managerId, skills, languages, territories,
                seniority, capacity);
    }

    /** These details with the seniority level, 0 (junior) to 10. */
    public MemberDetails withSeniority(int seniority) {
        return new MemberDetails(userId, displayName, role, teamId, managerId, skills, languages, territories,
                seniority, capacity);
    }

    /** These details with the capacity: the most open leads or tickets at once. */
    public MemberDetails withCapacity(int capacity) {
        return new MemberDetails(userId, displayName, role, teamId, managerId, skills, languages, territories,
                seniority, capacity);
    }

    /** The details of a stored member, to change some and pass them to {@link TeamService#update}. */
    public static MemberDetails of(TeamMember m) {
        return new MemberDetails(m.userId(), m.displayName(), m.role(), m.teamId(), m.managerId(), m.skills(),
                m.languages(), m.territories(), m.seniority(), m.capacity());
    }
}
