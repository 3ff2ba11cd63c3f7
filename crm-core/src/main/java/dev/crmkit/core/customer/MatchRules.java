package dev.crmkit.core.customer;

import dev.crmkit.model.customer.PartyKind;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The comparison of two parties, field by field, in the manner of Fellegi and Sunter: each field that both parties
 * have gives a weight, positive when they agree (more for a full than for a partial agreement), negative when they
 * disagree, and nothing when one of them lacks it. The weights are log2 likelihood ratios, so they add up; the
 * {@link Comparison#score() score} turns the sum into a number between 0 and 1. Readable top to bottom: the weights
 * first, then one method per field.
 */
final class MatchRules {
    /** The sum of weights at which the score is one half. */
    static final double EVEN = 5.0;

    static final double FAMILY_EQUAL = 3.5;
    static final double FAMILY_SIMILAR = 2.5;
    static final double FAMILY_DIFFERENT = -4.0;
    static final double GIVEN_EQUAL = 2.5;
    static final double GIVEN_NICKNAME = 2.0;
    static final double GIVEN_SIMILAR = 2.0;
    static final double GIVEN_INITIAL = 0.5;
    static final double GIVEN_DIFFERENT = -4.5;
    static final double SWAPPED = -0.5;
    static final double ORGANIZATION_EQUAL = 6.0;
    static final double ORGANIZATION_SIMILAR = 3.5;
    static final double ORGANIZATION_DIFFERENT = -4.0;
    static final double EMPLOYER_EQUAL = 0.9;
    static final double BORN_EQUAL = 6.0;
    static final double BORN_NEAR = 2.5;
    static final double BORN_DIFFERENT = -5.0;
    static final double ADDRESS_EQUAL = 4.0;
    static final double ADDRESS_STREET = 2.0;
    static final double ADDRESS_POSTCODE = 1.0;
    static final double ADDRESS_DIFFERENT = -1.0;
    static final double IDENTIFIER_EQUAL = 10.0;
    static final double IDENTIFIER_DIFFERENT = -8.0;
    static final double EMAIL_EQUAL = 16.0;
    static final double PHONE_EQUAL = 7.0;
    /** Per doubling of the customers that share an e-mail or phone beyond one, what the agreement loses. */
    static final double SHARED_DISCOUNT = 3.0;

    private MatchRules() {
    }

    /**
     * The weights of the fields compared, the score, and the reasons a reader is told.
     *
     * @param weight the sum of the contributions
     * @param contributions each compared field's weight, fields without one left out
     */
    record Comparison(double weight, Map<MatchField, Double> contributions) {
        /** The weight as a number between 0 and 1: {@code 1 / (1 + 2^(EVEN - weight))}, three decimals. */
        double score() {
            return Math.round(1000.0 / (1.0 + Math.pow(2.0, EVEN - weight))) / 1000.0;
        }

        /** The reasons of the compared fields that agreed, in the vocabulary of {@link MatchReason}. */
        Set<MatchReason> reasons() {
            Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
            if (agrees(MatchField.EMAIL)) {
                reasons.add(MatchReason.SAME_EMAIL);
            }
            if (agrees(MatchField.PHONE)) {
                reasons.add(MatchReason.SAME_PHONE);
            }
            if (agrees(MatchField.IDENTIFIER)) {
                reasons.add(MatchReason.SAME_IDENTIFIER);
            }
            double name = get(MatchField.GIVEN_NAME) + get(MatchField.FAMILY_NAME);
            boolean similarName = name > 0 || get(MatchField.ORGANIZATION) >= ORGANIZATION_SIMILAR;
            if (similarName) {
                if (agrees(MatchField.ORGANIZATION)) {
                    reasons.add(MatchReason.SIMILAR_NAME_SAME_ORGANIZATION);
                }
                if (get(MatchField.ADDRESS) >= ADDRESS_STREET) {
                    reasons.add(MatchReason.SIMILAR_NAME_SAME_ADDRESS);
                } else if (agrees(MatchField.ADDRESS)) {
                    reasons.add(MatchReason.SIMILAR_NAME_SAME_POSTCODE);
                }
                if (agrees(MatchField.DATE_OF_BIRTH)) {
                    reasons.add(MatchReason.SIMILAR_NAME_SAME_BIRTH_DATE);
                }
            }
            return reasons;
        }

        private boolean agrees(MatchField field) {
            return get(field) > 0;
        }

        private double get(MatchField field) {
            return contributions.getOrDefault(field, 0.0);
        }
    }

    /**
     * Compares two parties. {@code sharers} tells how many stored customers hold an e-mail address or phone number
     * (1 when only one does, or when unknown): a value many share counts for less.
     */
    static Comparison compare(MatchProfile a, MatchProfile b, ToIntFunction<String> sharers) {
        Map<MatchField, Double> weights = new EnumMap<>(MatchField.class);
        if (a.kind() == PartyKind.ORGANIZATION || b.kind() == PartyKind.ORGANIZATION) {
            put(weights, MatchField.ORGANIZATION, organization(a.organization(), b.organization()));
        } else {
            names(a, b, weights);
            put(weights, MatchField.ORGANIZATION, a.organization() != null && a.organization()
                    .equals(b.organization()) ? EMPLOYER_EQUAL : 0);
            put(weights, MatchField.DATE_OF_BIRTH, born(a.dateOfBirth(), b.dateOfBirth()));
        }
        put(weights, MatchField.ADDRESS, address(a, b));
        put(weights, MatchField.IDENTIFIER, identifiers(a.identifiers(), b.identifiers()));
        put(weights, MatchField.EMAIL, shared(a.emails(), b.emails(), EMAIL_EQUAL, sharers));
        put(weights, MatchField.PHONE, shared(a.phones(), b.phones(), PHONE_EQUAL, sharers));
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        return new Comparison(sum, Collections.unmodifiableMap(weights));
    }

    private static void put(Map<MatchField, Double> weights, MatchField field, double weight) {
        if (weight != 0) {
            weights.put(field, weight);
        }
    }

    /** Given and family name, as entered or swapped, whichever agrees better. */
    private static void names(MatchProfile a, MatchProfile b, Map<MatchField, Double> weights) {
        double family = family(a.family(), b.family());
        double given = given(a.given(), b.given());
        if (a.given() != null && b.given() != null && a.family() != null && b.family() != null) {
            double swappedFamily = family(a.family(), b.given());
            double swappedGiven = given(a.given(), b.family());
            if (swappedFamily + swappedGiven + SWAPPED > family + given) {
                family = swappedFamily + SWAPPED;
                given = swappedGiven;
            }
        }
        put(weights, MatchField.FAMILY_NAME, family);
        put(weights, MatchField.GIVEN_NAME, given);
    }

    static double family(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return FAMILY_EQUAL;
        }
        String codeA = MatchKeys.code(a);
        if (codeA != null && codeA.equals(MatchKeys.code(b)) || NameKeys.similarity(a, b) >= 0.9) {
            return FAMILY_SIMILAR;
        }
        return FAMILY_DIFFERENT;
    }

    static double given(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        String first = a.split(" ")[0];
        String other = b.split(" ")[0];
        if (first.equals(other)) {
            return GIVEN_EQUAL;
        }
        if (first.length() == 1 || other.length() == 1) {
            return first.charAt(0) == other.charAt(0) ? GIVEN_INITIAL : GIVEN_DIFFERENT;
        }
        if (Nicknames.same(first, other)) {
            return GIVEN_NICKNAME;
        }
        if (NameKeys.similarity(first, other) >= 0.9) {
            return GIVEN_SIMILAR;
        }
        return GIVEN_DIFFERENT;
    }

    static double organization(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return ORGANIZATION_EQUAL;
        }
        return NameKeys.similarity(a, b) >= 0.92 ? ORGANIZATION_SIMILAR : ORGANIZATION_DIFFERENT;
    }

    /** Equal; day and month swapped, or one digit mistyped; or different. */
    static double born(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return BORN_EQUAL;
        }
        boolean swapped = a.getYear() == b.getYear() && a.getDayOfMonth() == b.getMonthValue()
                && a.getMonthValue() == b.getDayOfMonth();
        return swapped || digitsApart(a.toString(), b.toString()) == 1 ? BORN_NEAR : BORN_DIFFERENT;
    }

    /** The best agreement of any address of one with any of the other. */
    static double address(MatchProfile a, MatchProfile b) {
        if (a.addresses().isEmpty() || b.addresses().isEmpty()) {
            return 0;
        }
        double best = ADDRESS_DIFFERENT;
        for (MatchProfile.Address x : a.addresses()) {
            for (MatchProfile.Address y : b.addresses()) {
                best = Math.max(best, address(x, y));
            }
        }
        return best;
    }

    private static double address(MatchProfile.Address x, MatchProfile.Address y) {
        boolean samePostcode = x.postcode() != null && x.postcode().equals(y.postcode());
        boolean nearPostcode = x.postcode() != null && y.postcode() != null
                && digitsApart(x.postcode(), y.postcode()) == 1;
        boolean sameCity = !x.city().isEmpty() && x.city().equals(y.city());
        boolean sameStreet = !x.street().isEmpty() && !y.street().isEmpty()
                && NameKeys.similarity(x.street(), y.street()) >= 0.9;
        boolean sameNumber = !x.number().isEmpty() && x.number().equals(y.number());
        if (sameStreet && sameNumber && (samePostcode || nearPostcode || sameCity)) {
            return ADDRESS_EQUAL;
        }
        if (sameStreet && (samePostcode || sameCity)) {
            return ADDRESS_STREET;
        }
        if (samePostcode) {
            return ADDRESS_POSTCODE;
        }
        return ADDRESS_DIFFERENT;
    }

    /** Each declared identifier both have: the same value, or a different one. */
    static double identifiers(Map<String, String> a, Map<String, String> b) {
        double weight = 0;
        for (Map.Entry<String, String> e : a.entrySet()) {
            String other = b.get(e.getKey());
            if (other != null) {
                weight += other.equals(e.getValue()) ? IDENTIFIER_EQUAL : IDENTIFIER_DIFFERENT;
            }
        }
        return weight;
    }

    /** The best common value, discounted by how many customers share it; nothing for different values. */
    static double shared(Set<String> a, Set<String> b, double equal, ToIntFunction<String> sharers) {
        double best = 0;
        for (String value : a) {
            if (b.contains(value)) {
                int n = Math.max(1, sharers.applyAsInt(value));
                best = Math.max(best, equal - SHARED_DISCOUNT * (Math.log(n) / Math.log(2)));
            }
        }
        return Math.max(0, best);
    }

    /** How many positions two strings of equal length differ in; {@code Integer.MAX_VALUE} for other lengths. */
    static int digitsApart(String a, String b) {
        if (a.length() != b.length()) {
            return Integer.MAX_VALUE;
        }
        int apart = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                apart++;
            }
        }
        return apart;
    }
}
