package dev.crmkit.core.customer;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Given names and their common short forms, folded: "Bill" and "William" name one person, so do "Hans" and
 * "Johannes". Each short form maps to the full names it is short for; full names map to themselves.
 */
final class Nicknames {
    private static final String[][] GROUPS = {
        {"william", "bill", "will", "billy", "willi", "wilhelm"}, {"robert", "bob", "rob", "bobby", "bert"},
        {"richard", "rick", "dick", "rich"}, {"elizabeth", "elisabeth", "liz", "lisa", "beth", "betty", "elise",
            "liesel", "lise"}, {"katharina", "katherine", "catherine", "kathi", "kate", "katie", "kathy", "katrin"},
        {"margarete", "margaret", "grete", "gretel", "maggie", "meg", "peggy", "margit"},
        {"christine", "christina", "tine", "chris", "christa"}, {"christian", "chris"},
        {"stefanie", "stephanie", "steffi"}, {"stefan", "stephan", "steffen"}, {"johanna", "hanna", "hannah"},
        {"johannes", "hans", "johann", "jan", "john", "jo"}, {"franziska", "franzi"}, {"franz", "frank"},
        {"theresa", "therese", "resi"}, {"veronika", "vroni"}, {"alexandra", "alex", "sandra"},
        {"alexander", "alex", "sascha", "sandro"}, {"gabriele", "gabi", "gaby"}, {"dorothea", "dora", "doris"},
        {"michael", "michi", "mike", "micha"}, {"thomas", "tom", "tommy"}, {"andreas", "andi", "andy", "andrew"},
        {"matthias", "matze", "mathias", "matthew", "matt"}, {"wolfgang", "wolf"}, {"friedrich", "fritz", "fred"},
        {"josef", "joseph", "sepp", "joe", "seppi"}, {"daniel", "dan", "dani", "danny"},
        {"heinrich", "heinz", "henry", "hinrich"}, {"maximilian", "max"}, {"sebastian", "basti"},
        {"benjamin", "ben", "benni"}, {"philipp", "phil", "philip"}, {"bernhard", "bernd"}, {"ludwig", "lutz"},
        {"patricia", "patty", "trish"}, {"barbara", "babsi", "barbie"}, {"susanne", "susi", "susan", "sue"},
        {"nikolaus", "niklas", "klaus", "nick"}, {"jurgen", "juergen", "jorg", "joerg"}, {"anna", "anne", "anni"},
        {"maria", "marie", "mia"}, {"florian", "flo"}, {"tobias", "tobi"}, {"dominik", "dominic", "dom"},
        {"jennifer", "jenny", "jen"}, {"caroline", "carolin", "caro"}, {"edward", "ed", "eddie", "ted"},
        {"james", "jim", "jimmy"}, {"charles", "charlie", "chuck"}, {"anthony", "tony"}, {"joshua", "josh"}};
    /** Each name to the full names it is, or is short for: "chris" to christine and christian. */
    private static final Map<String, Set<String>> FULL_NAMES = new HashMap<>();

    static {
        for (String[] group : GROUPS) {
            for (String name : group) {
                FULL_NAMES.computeIfAbsent(name, n -> new HashSet<>()).add(group[0]);
            }
        }
    }

    private Nicknames() {
    }

    /**
     * Whether the two folded given names are one a short form of the other, or short forms of one name. A short form
     * of several names ("alex", "chris") matches each of them; the full names it is short for do not match each other.
     */
    static boolean same(String a, String b) {
        return !Collections.disjoint(FULL_NAMES.getOrDefault(a, Set.of()), FULL_NAMES.getOrDefault(b, Set.of()));
    }
}
