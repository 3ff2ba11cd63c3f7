package dev.crmkit.core.customer;

import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.spi.customer.MatchKeyStore;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The blocking keys of customer matching: a customer is compared with every customer that shares one of its keys
 * (and with those sharing an e-mail or a phone, looked up among contact points). Each key is an equality the
 * storage indexes ({@code crm_match_key}), named by a kind prefix:
 *
 * <ul>
 *   <li>{@code n:} the stored name key (family name and initial; an organization's folded name);
 *   <li>{@code p:} the family name's Double Metaphone code and the given name's initial: spelling variants
 *       ("Meyer", "Maier"), nicknames and initials that keep the initial; a profile with a given name also looks up
 *       the code alone, which is the key of a customer whose given name is missing;
 *   <li>{@code f:} the family name's code and the date of birth: a missing or different given name;
 *   <li>{@code g:} the given name's code and the date of birth: a mistyped or changed family name;
 *   <li>{@code d:} the date of birth and the postcode: names changed beyond recognition;
 *   <li>{@code a:} the postcode and the house number: the same address;
 *   <li>{@code s:} the street, house number and city: the same address with a mistyped postcode;
 *   <li>{@code i:} a declared identifier and its value;
 *   <li>{@code o:} an organization's name in Double Metaphone codes, word by word.
 * </ul>
 *
 * <p>Given and family name swapped are found by looking up the keys of the {@link MatchProfile#swapped swapped}
 * profile too ({@link #lookup}); they are not stored twice.
 */
final class MatchKeys {
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private MatchKeys() {
    }

    /** The keys stored for a customer with this profile. */
    static Set<String> of(MatchProfile p) {
        Set<String> keys = new LinkedHashSet<>();
        if (p.nameKey() != null) {
            keys.add("n:" + p.nameKey());
        }
        if (p.kind() == PartyKind.ORGANIZATION) {
            if (p.organization() != null) {
                StringBuilder codes = new StringBuilder();
                for (String word : p.organization().split(" ")) {
                    codes.append(code(word)).append(' ');
                }
                add(keys, "o:" + codes.toString().strip());
            }
        } else {
            String family = code(p.family());
            String given = code(p.given());
            String born = p.dateOfBirth() == null ? null : p.dateOfBirth().toString();
            if (family != null) {
                add(keys, "p:" + family + (p.given() == null ? "" : " " + p.given().substring(0, 1)));
                if (born != null) {
                    add(keys, "f:" + family + " " + born);
                }
            }
            if (given != null && born != null) {
                add(keys, "g:" + given + " " + born);
            }
            for (MatchProfile.Address a : p.addresses()) {
                if (born != null && a.postcode() != null) {
                    add(keys, "d:" + born + " " + a.postcode());
                }
            }
        }
        for (MatchProfile.Address a : p.addresses()) {
            if (!a.number().isEmpty()) {
                if (a.postcode() != null) {
                    add(keys, "a:" + a.postcode() + " " + a.number());
                }
                if (!a.street().isEmpty() && !a.city().isEmpty()) {
                    add(keys, "s:" + a.street() + " " + a.number() + " " + a.city());
                }
            }
        }
        p.identifiers().forEach((field, value) -> add(keys, "i:" + field + " " + value));
        return keys;
    }

    /** The keys to look a profile's candidates up by: its own, and those it would have with its names swapped. */
    static Set<String> lookup(MatchProfile p) {
        Set<String> keys = of(p);
        if (p.kind() == PartyKind.PERSON && p.given() != null && p.family() != null) {
            keys.addAll(of(p.swapped()));
            // the same family name with the given name missing
            String family = code(p.family());
            if (family != null) {
                add(keys, "p:" + family);
            }
        }
        return keys;
    }

    private static void add(Set<String> keys, String key) {
        keys.add(key.length() > MatchKeyStore.MAX_KEY_LENGTH ? key.substring(0, MatchKeyStore.MAX_KEY_LENGTH) : key);
    }

    /** The primary Double Metaphone code of a folded word, or null without one. */
    static String code(String folded) {
        if (folded == null) {
            return null;
        }
        String code = METAPHONE.doubleMetaphone(folded.replace(" ", ""));
        return code == null || code.isEmpty() ? null : code;
    }
}
