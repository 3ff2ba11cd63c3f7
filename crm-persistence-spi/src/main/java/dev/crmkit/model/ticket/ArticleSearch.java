package dev.crmkit.model.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * A search of a tenant's published knowledge-base articles by relevance.
 *
 * @param text     what the reader typed, or a ticket's subject and description: 1 to 10,000 characters with at least
 *                 one word ({@link SearchTerms#of})
 * @param language only articles in this BCP 47 language tag (canonical form, compared exactly), or null for every
 *                 language
 * @param anyWord  false for a reader's search, where the backend may require every word (PostgreSQL does, MariaDB and
 *                 the portable ranking do not); true for suggestions, where an article with any of the words is a
 *                 candidate on every backend
 */
public record ArticleSearch(String text, String language, boolean anyWord) {
    /** The longest search text. */
    public static final int MAX_TEXT = 10_000;

    /**
     * Checks the rules above.
     *
     * @throws ValidationException ({@code query}) when the text is missing, too long or has no word;
     *     ({@code language}) when the language is not a well-formed tag
     */
    public ArticleSearch {
        Checks.text("query", text, MAX_TEXT);
        if (SearchTerms.of(text).isEmpty()) {
            throw new ValidationException("query", "must contain a word");
        }
        language = language == null ? null : ArticleContent.languageTag("language", language);
    }
}
