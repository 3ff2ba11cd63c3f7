package dev.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.crmkit.model.ValidationException;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The text rule ({@link Text}) over generated strings: white space, control characters and lengths mixed in. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TextPropertyTest {
    private static final String SPACES = " \t\n\r\u00A0\u2003\u3000\u000B";

    /** Strings made of white space, letters, control characters and emoji, in any order. */
    private static Gen<String> texts() {
        Gen<String> pieces = Generate.pick(Arrays.asList(" ", "\t", "\n", "\r\n", "\u2003", "\u3000", "a", "Grace",
                "Hopper", "é", "\uD83D\uDE00", "\u0007", "\u001B", "\u007F", "\u0085", "x y", "  "));
        Gen<String> joined = pieces.zip(pieces, pieces, pieces, (a, b, c, d) -> a + b + c + d);
        return joined.mix(strings().allPossible().ofLengthBetween(0, 12), 40);
    }

    private static boolean refusedControl(String s) {
        return s.strip().chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void accepted_text_is_stripped_keeps_its_inside_and_normalizing_it_again_changes_nothing() {
        qt().withExamples(2000).forAll(texts(), integers().between(1, 30)).checkAssert((raw, max) -> {
            String stripped = raw.strip();
            boolean acceptable = !refusedControl(raw) && wellFormed(stripped) && stripped.length() <= max;
            if (!acceptable) {
                assertThatThrownBy(() -> Text.optional("note", raw, max)).isInstanceOf(ValidationException.class)
                        .extracting(e -> ((ValidationException) e).field()).isEqualTo("note");
                return;
            }
            String result = Text.optional("note", raw, max);
            if (stripped.isEmpty()) {
                assertThat(result).isNull();
                return;
            }
            assertThat(result).isEqualTo(stripped).isNotEmpty();
            assertThat(SPACES.indexOf(result.charAt(0)) < 0 && !Character.isWhitespace(result.charAt(0))).isTrue();
            assertThat(Character.isWhitespace(result.charAt(result.length() - 1))).isFalse();
            assertThat(raw).contains(result);
            assertThat(Text.optional("note", result, max)).isEqualTo(result);
            assertThat(Text.required("note", raw, max)).isEqualTo(result);
        });
    }

    @Test
    void blank_text_counts_as_absent_required_text_refuses_it_naming_the_field() {
        Gen<String> blanks = Generate.pick(Arrays.asList(" ", "\t", "\n", "\r\n", "\u2003", "\u3000", "\u001C"))
                .zip(Generate.pick(Arrays.asList("", " ", "\u2028", "\t\t")), (a, b) -> a + b);
        qt().withExamples(200).forAll(blanks).checkAssert(blank -> {
            assertThat(Text.optional("title", blank, 10)).isNull();
            assertThat(Text.clearable("title", blank, 10)).isEmpty();
            assertThatThrownBy(() -> Text.required("title", blank, 10)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("title").hasMessageContaining("is required");
        });
    }

    @Test
    void the_length_limit_applies_to_the_stripped_value() {
        // given a name of exactly the limit, padded with white space on both sides
        String padded = "  " + "g".repeat(10) + " \n";

        // then it fits, and one character more does not
        assertThat(Text.required("name", padded, 10)).isEqualTo("g".repeat(10));
        assertThatThrownBy(() -> Text.required("name", "g".repeat(11), 10)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("at most 10");
    }

    @Test
    void line_breaks_and_tabs_inside_are_kept_and_other_control_characters_are_refused() {
        assertThat(Text.optional("summary", " first line\r\nsecond\tline ", 100)).isEqualTo("first line\r\nsecond\tline");
        assertThatThrownBy(() -> Text.optional("summary", "ring\u0007bell", 100))
                .isInstanceOf(ValidationException.class).hasMessageContaining("summary")
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> Text.optional("summary", "a\u0000b", 100)).isInstanceOf(ValidationException.class);
    }

    @Test
    void null_is_absent_and_stays_null_in_a_change() {
        assertThat(Text.optional("city", null, 10)).isNull();
        assertThat(Text.clearable("city", null, 10)).isNull();
        assertThatThrownBy(() -> Text.required("city", null, 10)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("city");
    }
}
