package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Which folded given names the matching rules take for one person's. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NicknamesTest {

    private static void assertAllOneName(String... names) {
        for (String a : names) {
            for (String b : names) {
                assertThat(Nicknames.same(a, b)).as("%s and %s", a, b).isTrue();
            }
        }
    }

    @Test
    void a_full_name_and_all_its_short_forms_are_one_name_either_way_round() {
        assertAllOneName("william", "bill", "will", "billy", "willi", "wilhelm");
        assertAllOneName("johannes", "hans", "johann", "jan", "john", "jo");
        assertAllOneName("josef", "joseph", "sepp", "joe", "seppi");
        assertAllOneName("margarete", "margaret", "grete", "gretel", "maggie", "meg", "peggy", "margit");
        assertAllOneName("edward", "ed", "eddie", "ted");
        assertAllOneName("joshua", "josh");
    }

    @Test
    void a_short_form_of_several_names_is_each_of_them_but_those_names_stay_apart() {
        assertAllOneName("chris", "christine", "christina", "tine", "christa");
        assertAllOneName("chris", "christian");
        assertAllOneName("alex", "alexandra", "sandra");
        assertAllOneName("alex", "alexander", "sascha", "sandro");

        assertThat(Nicknames.same("christine", "christian")).isFalse();
        assertThat(Nicknames.same("tine", "christian")).isFalse();
        assertThat(Nicknames.same("sandra", "sandro")).isFalse();
        assertThat(Nicknames.same("alexandra", "alexander")).isFalse();
    }

    @Test
    void names_of_different_people_are_not_one() {
        List<String> fullNames = List.of("william", "robert", "johannes", "johanna", "franz", "franziska", "stefan",
                "stefanie", "joshua");
        for (String a : fullNames) {
            for (String b : fullNames) {
                assertThat(Nicknames.same(a, b)).as("%s and %s", a, b).isEqualTo(a.equals(b));
            }
        }
        assertThat(Nicknames.same("hans", "hanna")).as("Johannes and Johanna").isFalse();
        assertThat(Nicknames.same("bob", "bill")).isFalse();
    }

    @Test
    void a_name_not_in_the_list_is_no_nickname_of_anything() {
        assertThat(Nicknames.same("zacharias", "bill")).isFalse();
        assertThat(Nicknames.same("bill", "zacharias")).isFalse();
        assertThat(Nicknames.same("zacharias", "zach")).isFalse();
        assertThat(Nicknames.same("", "bill")).isFalse();
    }
}
