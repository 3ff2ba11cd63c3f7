package dev.crmkit.core.customer;

import dev.crmkit.model.customer.PartyKind;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Name folding for duplicate matching. {@link #fold} lower-cases, spells out German umlauts, strips accents and
 * keeps letters and digits, so "Müller", "MUELLER" and "Mueller" agree. The stored name key is a deliberately
 * coarse blocking key (family name and given-name initial for persons, the name without legal-form words for
 * organizations) so that storage can find and group candidates by equality; the fine comparison is
 * {@link #similarity Jaro-Winkler} over the folded full names.
 */
final class NameKeys {
    /** Jaro-Winkler similarity from which two folded names count as similar. */
    static final double SIMILAR = 0.9;

    private static final Set<String> LEGAL_FORMS = Set.of("gmbh", "ag", "kg", "ug", "ohg", "ev", "mbh", "co",
            "inc", "ltd", "llc", "plc", "corp", "sa", "sarl", "srl", "spa", "bv", "nv", "ab", "as", "oy");

    private NameKeys() {
    }

    /** Lower-case letters and digits of the text, accents removed, words separated by single spaces. */
    static String fold(String text) {
        String s = text.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        return out.toString().strip();
    }

    /** The folded full name two customers are compared on. */
    static String comparableName(PartyKind kind, String displayName, String givenName, String familyName,
            String organizationName) {
        if (kind == PartyKind.ORGANIZATION) {
            return withoutLegalForms(fold(organizationName == null ? displayName : organizationName));
        }
        if (givenName != null || familyName != null) {
            return fold((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName));
        }
        return fold(displayName);
    }

    /** The blocking key stored in {@code CustomerRecord.nameKey}, or null when the name has no letters or digits. */
    static String nameKey(PartyKind kind, String displayName, String givenName, String familyName,
            String organizationName) {
        String key;
        if (kind == PartyKind.ORGANIZATION) {
            key = comparableName(kind, displayName, givenName, familyName, organizationName);
        } else {
            String family = familyName == null ? "" : fold(familyName);
            String given = givenName == null ? "" : fold(givenName);
            if (family.isEmpty() && given.isEmpty()) {
                String[] words = fold(displayName).split(" ");
                family = words[words.length - 1];
                given = words.length > 1 ? words[0] : "";
            }
            key = given.isEmpty() ? family : family + " " + given.substring(0, given.offsetByCodePoints(0, 1));
        }
        key = ContactPointNormalizer.truncate(key.strip(), 100);
        return key.isEmpty() ? null : key;
    }

    /** The folded organization name a person or organization gives, for matching, or null. */
    static String organizationKey(String organizationName) {
        if (organizationName == null) {
            return null;
        }
        String key = withoutLegalForms(fold(organizationName));
        return key.isEmpty() ? null : key;
    }

    private static String withoutLegalForms(String folded) {
        return Arrays.stream(folded.split(" ")).filter(w -> !LEGAL_FORMS.contains(w))
                .collect(Collectors.joining(" ")).strip();
    }

    /** Jaro-Winkler similarity of two strings, 0 (nothing alike) to 1 (equal). */
    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] aMatched = new boolean[a.length()];
        boolean[] bMatched = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(b.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!bMatched[j] && a.charAt(i) == b.charAt(j)) {
                    aMatched[i] = true;
                    bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < a.length(); i++) {
            if (aMatched[i]) {
                while (!bMatched[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
