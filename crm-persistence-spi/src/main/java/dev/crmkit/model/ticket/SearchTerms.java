package dev.crmkit.model.ticket;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The portable relevance ranking of knowledge-base articles, for backends without a full-text engine (H2, memory):
 * text is split into words (runs of letters and digits, lower-cased), and an article's score for a search is the
 * sum, over the search's distinct words, of the word's weight in the article: {@link #TITLE_WEIGHT} for each time it
 * appears in the title, {@link #BODY_WEIGHT} for each time in the body. An article scoring 0 is not found.
 */
public final class SearchTerms {
    /** What one occurrence of a word in the title weighs. */
    public static final int TITLE_WEIGHT = 3;
    /** What one occurrence of a word in the body weighs. */
    public static final int BODY_WEIGHT = 1;
    /** The longest word kept; longer runs are cut to it. */
    public static final int MAX_WORD = 50;

    private SearchTerms() {
    }

    /** The distinct words of a text, in the order they first appear. */
    public static Set<String> of(String text) {
        return new LinkedHashSet<>(words(text));
    }

    /** Every word of a text, in order, repeats included. */
    public static List<String> words(String text) {
        List<String> words = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
            } else {
                flush(word, words);
            }
        });
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            String w = word.toString().toLowerCase(Locale.ROOT);
            words.add(w.length() > MAX_WORD ? w.substring(0, w.offsetByCodePoints(0, MAX_WORD)) : w);
            word.setLength(0);
        }
    }

    /** Each word of an article with its weight, as the ranking counts it. */
    public static Map<String, Integer> weights(ArticleContent content) {
        Map<String, Integer> weights = new TreeMap<>();
        words(content.title()).forEach(w -> weights.merge(w, TITLE_WEIGHT, Integer::sum));
        words(content.body()).forEach(w -> weights.merge(w, BODY_WEIGHT, Integer::sum));
        return weights;
    }

    /** The score of an article for a search's words: 0 when it holds none of them. */
    public static int score(Map<String, Integer> weights, Set<String> searchWords) {
        return searchWords.stream().mapToInt(w -> weights.getOrDefault(w, 0)).sum();
    }
}
