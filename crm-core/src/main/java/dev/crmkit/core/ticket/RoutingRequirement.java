package dev.crmkit.core.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What an agent must offer to be routed a ticket: every one of {@code skills} (matched exactly, as a team member's
 * skills are), the {@code language} (a BCP 47 tag in canonical case, matched exactly: {@code pt} does not find
 * {@code pt-BR}), and membership of the team {@code teamId} (the ticket's queue). An empty set or a null means no
 * requirement of that kind.
 *
 * @param skills   the skills every eligible agent has, at most 10, each 1 to 64 characters, trimmed, kept sorted
 * @param language the language eligible agents speak, or null
 * @param teamId   the team eligible agents belong to, or null for any team
 */
public record RoutingRequirement(Set<String> skills, String language, UUID teamId) {
    /** The most skills one ticket may require. */
    public static final int MAX_SKILLS = 10;

    /**
     * Trims the skills and puts the language in canonical case ({@code pt-br} is {@code pt-BR}).
     *
     * @throws ValidationException ({@code skills}, {@code skills[]}, {@code language}) when a value breaks a rule
     */
    public RoutingRequirement {
        Checks.noNulls("skills", skills);
        Set<String> trimmed = new TreeSet<>();
        for (String skill : skills) {
            trimmed.add(Checks.text("skills[]", skill.strip(), 64));
        }
        if (trimmed.size() > MAX_SKILLS) {
            throw new ValidationException("skills", "must hold at most " + MAX_SKILLS + " skills");
        }
        skills = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(trimmed));
        language = language == null ? null : languageTag(language);
    }

    /** No requirement: any available agent at work with room left. */
    public static RoutingRequirement none() {
        return new RoutingRequirement(Set.of(), null, null);
    }

    /** This requirement, also requiring {@code skill}. */
    public RoutingRequirement withSkill(String skill) {
        Checks.required("skill", skill);
        Set<String> more = new LinkedHashSet<>(skills);
        more.add(skill);
        return new RoutingRequirement(more, language, teamId);
    }

    /** This requirement with agents speaking {@code language}. */
    public RoutingRequirement speaking(String language) {
        return new RoutingRequirement(skills, Checks.required("language", language), teamId);
    }

    /** This requirement with agents of the team {@code teamId}. */
    public RoutingRequirement inTeam(UUID teamId) {
        return new RoutingRequirement(skills, language, Checks.id("teamId", teamId));
    }

    /**
     * This requirement and {@code other} together: the skills of both; this one's language and team where it has
     * them, else the other's (the earlier rule wins).
     */
    public RoutingRequirement and(RoutingRequirement other) {
        Checks.required("other", other);
        Set<String> both = new LinkedHashSet<>(skills);
        both.addAll(other.skills);
        return new RoutingRequirement(both, language != null ? language : other.language,
                teamId != null ? teamId : other.teamId);
    }

    private static String languageTag(String tag) {
        Checks.text("language", tag, 35);
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            String canonical = locale.toLanguageTag();
            if (locale.getLanguage().isEmpty() || "und".equals(canonical)) {
                throw new ValidationException("language", "must name a language");
            }
            return canonical;
        } catch (IllformedLocaleException e) {
            throw new ValidationException("language", "must be a BCP 47 language tag such as de or pt-BR");
        }
    }
}
