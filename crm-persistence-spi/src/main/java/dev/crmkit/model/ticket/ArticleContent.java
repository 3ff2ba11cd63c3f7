package dev.crmkit.model.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a knowledge-base article says: its title, its body, its tags and the language it is written in.
 *
 * @param title    1 to 200 characters, not blank
 * @param body     1 to 50,000 characters, not blank
 * @param tags     at most 20 codes ({@link #TAG}), kept sorted and without repeats
 * @param language a well-formed BCP 47 language tag ({@code en}, {@code de-CH}), kept in its canonical form
 *                 ({@code en-gb} becomes {@code en-GB})
 */
public record ArticleContent(String title, String body, List<String> tags, String language) {
    /** The longest title. */
    public static final int MAX_TITLE = 200;
    /** The longest body. */
    public static final int MAX_BODY = 50_000;
    /** The most tags an article carries. */
    public static final int MAX_TAGS = 20;
    /** A tag: 1 to 50 lower-case letters, digits or '-', from a letter or digit. */
    public static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

    /**
     * Checks the rules above, sorts the tags and canonicalizes the language tag.
     *
     * @throws ValidationException naming the first component that breaks a rule ({@code title}, {@code body},
     *     {@code tags}, {@code tags[]} or {@code language})
     */
    public ArticleContent {
        Checks.text("title", title, MAX_TITLE);
        Checks.text("body", body, MAX_BODY);
        Checks.noNulls("tags", tags);
        Set<String> sorted = new TreeSet<>();
        for (String tag : tags) {
            if (!TAG.matcher(tag).matches()) {
                throw new ValidationException("tags[]", "must be 1 to 50 lower-case letters, digits or '-'");
            }
            sorted.add(tag);
        }
        if (sorted.size() > MAX_TAGS) {
            throw new ValidationException("tags", "must hold at most " + MAX_TAGS + " tags");
        }
        tags = List.copyOf(sorted);
        language = languageTag("language", language);
    }

    /**
     * A language tag checked and in canonical form.
     *
     * @throws ValidationException naming {@code field} when it is null, blank or not a well-formed BCP 47 tag with a
     *     language
     */
    public static String languageTag(String field, String value) {
        Checks.text(field, value, 35);
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(value).build();
        } catch (IllformedLocaleException e) {
            throw new ValidationException(field, "must be a well-formed BCP 47 language tag");
        }
        if (locale.getLanguage().isEmpty()) {
            throw new ValidationException(field, "must name a language");
        }
        return locale.toLanguageTag();
    }
}
