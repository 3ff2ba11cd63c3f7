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
 * have is at a {@link MatchLevel level} of agreement (full, partial, none), and each level has a weight in the
 * tenant's {@link MatchWeights}, positive when they agree, negative when they disagree; a field one of them lacks
 * counts for nothing. The weights are log2 likelihood ratios, so they add up; the {@link Comparison#score() score}
 * turns the sum into a number between 0 and 1. Readable top to bottom: the comparison, then one method per field
 * giving its level.
 */
final class MatchRules {
    /** Per doubling of the customers that share an e-mail or phone beyond one, what the agreement loses. */
    static final double SHARED_DISCOUNT = 3.0;

    private MatchRules() {
    }

    /**
     * The weights of the fields compared, their levels, the score, and the reasons a reader is told.
     *
     * @param weight the sum of the contributions
     * @param contributions each compared field's weight, fields without one left out
     * @param levels each compared field's level (for identifiers: different when any differs); fields one party
     *     lacks left out
     * @param evenWeight the sum at which the score is one half
     */
    record Comparison(double weight, Map<MatchField, Double> contributions, Map<MatchField, MatchLevel> levels,
            double evenWeight) {
        /** The weight as a number between 0 and 1: {@code 1 / (1 + 2^(evenWeight - weight))}, three decimals. */
        double score() {
            return Math.round(1000.0 / (1.0 + Math.pow(2.0, evenWeight - weight))) / 1000.0;
        }

        /** The reasons of the compared fields that agreed, in the vocabulary of {@link MatchReason}. */
        Set<MatchReason> reasons() {
            Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
            // a value so widely shared that it counts for nothing is no reason
            if (levels.get(MatchField.EMAIL) == MatchLevel.EMAIL_EQUAL && get(MatchField.EMAIL) > 0) {
                reasons.add(MatchReason.SAME_EMAIL);
            }
            if (levels.get(MatchField.PHONE) == MatchLevel.PHONE_EQUAL && get(MatchField.PHONE) > 0) {
                reasons.add(MatchReason.SAME_PHONE);
            }
            if (get(MatchField.IDENTIFIER) > 0) {
                reasons.add(MatchReason.SAME_IDENTIFIER);
            }
            MatchLevel organization = levels.get(MatchField.ORGANIZATION);
            double name = get(MatchField.GIVEN_NAME) + get(MatchField.FAMILY_NAME);
            boolean similarName = name > 0 || organization == MatchLevel.ORGANIZATION_EQUAL
                    || organization == MatchLevel.ORGANIZATION_SIMILAR;
            if (similarName) {
                if (organization == MatchLevel.ORGANIZATION_EQUAL || organization == MatchLevel.ORGANIZATION_SIMILAR
                        || organization == MatchLevel.EMPLOYER_EQUAL) {
                    reasons.add(MatchReason.SIMILAR_NAME_SAME_ORGANIZATION);
                }
                MatchLevel address = levels.get(MatchField.ADDRESS);
                if (address == MatchLevel.ADDRESS_EQUAL || address == MatchLevel.ADDRESS_STREET) {
                    reasons.add(MatchReason.SIMILAR_NAME_SAME_ADDRESS);
                } else if (address == MatchLevel.ADDRESS_POSTCODE) {
                    reasons.add(MatchReason.SIMILAR_NAME_SAME_POSTCODE);
                }
                MatchLevel born = levels.get(MatchField.DATE_OF_BIRTH);
                if (born == MatchLevel.BIRTH_EQUAL || born == MatchLevel.BIRTH_NEAR) {
                    reasons.add(MatchReason.SIMILAR_NAME_SAME_BIRTH_DATE);
                }
            }
            return reasons;
        }

        private double get(MatchField field) {
            return contributions.getOrDefault(field, 0.0);
        }
    }

    /** Compares two parties with the default weights; see {@link #compare(MatchProfile, MatchProfile,
     * ToIntFunction, MatchWeights)}. */
    static Comparison compare(MatchProfile a, MatchProfile b, ToIntFunction<String> sharers) {
        return compare(a, b, sharers, MatchWeights.defaults());
    }

    /**
     * Compares two parties with a tenant's weights. {@code sharers} tells how many stored customers hold an e-mail
     * address or phone number (1 when only one does, or when unknown): a value many share counts for less.
     */
    static Comparison compare(MatchProfile a, MatchProfile b, ToIntFunction<String> sharers, MatchWeights weights) {
        Map<MatchField, MatchLevel> levels = new EnumMap<>(MatchField.class);
        Map<MatchField, Double> contributions = new EnumMap<>(MatchField.class);
        if (a.kind() == PartyKind.ORGANIZATION || b.kind() == PartyKind.ORGANIZATION) {
            put(levels, contributions, weights, MatchField.ORGANIZATION, organization(a.organization(),
                    b.organization()));
        } else {
            names(a, b, weights, levels, contributions);
            put(levels, contributions, weights, MatchField.ORGANIZATION, employer(a.organization(),
                    b.organization()));
            put(levels, contributions, weights, MatchField.DATE_OF_BIRTH, born(a.dateOfBirth(), b.dateOfBirth()));
        }
        put(levels, contributions, weights, MatchField.ADDRESS, address(a, b));
        identifiers(a.identifiers(), b.identifiers(), weights, levels, contributions);
        shared(a.emails(), b.emails(), MatchLevel.EMAIL_EQUAL, MatchLevel.EMAIL_DIFFERENT, sharers, weights, levels,
                contributions);
        shared(a.phones(), b.phones(), MatchLevel.PHONE_EQUAL, MatchLevel.PHONE_DIFFERENT, sharers, weights, levels,
                contributions);
        double sum = contributions.values().stream().mapToDouble(Double::doubleValue).sum();
        return new Comparison(sum, Collections.unmodifiableMap(contributions), Collections.unmodifiableMap(levels),
                weights.evenWeight());
    }

    private static void put(Map<MatchField, MatchLevel> levels, Map<MatchField, Double> contributions,
            MatchWeights weights, MatchField field, MatchLevel level) {
        if (level != null) {
            levels.put(field, level);
            contribute(contributions, field, weights.of(level));
        }
    }

    private static void contribute(Map<MatchField, Double> contributions, MatchField field, double weight) {
        if (weight != 0) {
            contributions.put(field, weight);
        }
    }

    /**
     * Given and family name as entered, or crosswise, whichever agrees best: a typist may have swapped them, also
     * where one of the two parties gave one name part only or an initial. Crosswise, the family name is one party's
     * family and the other's given name, either way round, at the cost of {@link MatchLevel#NAMES_SWAPPED}.
     */
    private static void names(MatchProfile a, MatchProfile b, MatchWeights weights, Map<MatchField, MatchLevel> levels,
            Map<MatchField, Double> contributions) {
        MatchLevel family = family(a.family(), b.family());
        MatchLevel given = given(a.given(), b.given());
        double best = weight(weights, family) + weight(weights, given);
        double swap = 0;
        double swapped = weights.of(MatchLevel.NAMES_SWAPPED);
        String[][] crosswise = {{a.family(), b.given(), a.given(), b.family()},
            {a.given(), b.family(), a.family(), b.given()}};
        for (String[] names : crosswise) {
            MatchLevel crossFamily = family(names[0], names[1]);
            MatchLevel crossGiven = given(names[2], names[3]);
            if (crossFamily == null && crossGiven == null) {
                continue;
            }
            double weight = weight(weights, crossFamily) + weight(weights, crossGiven) + swapped;
            if (weight > best) {
                best = weight;
                family = crossFamily;
                given = crossGiven;
                swap = swapped;
            }
        }
        if (family != null) {
            levels.put(MatchField.FAMILY_NAME, family);
        }
        if (family != null || swap != 0) {
            contribute(contributions, MatchField.FAMILY_NAME, weight(weights, family) + swap);
        }
        put(levels, contributions, weights, MatchField.GIVEN_NAME, given);
    }

    private static double weight(MatchWeights weights, MatchLevel level) {
        return level == null ? 0 : weights.of(level);
    }

    /** Equal; sounding alike or within typing distance; or different. Null when one lacks it. */
    static MatchLevel family(String a, String b) {
        if (a == null || b == null) {
            return null;
        }
        if (a.equals(b)) {
            return MatchLevel.FAMILY_EQUAL;
        }
        if (a.length() == 1 || b.length() == 1) {
            // an initial where a family name belongs tells nothing about the family name
            return null;
        }
        String codeA = MatchKeys.code(a);
        if (codeA != null && codeA.equals(MatchKeys.code(b)) || NameKeys.similarity(a, b) >= 0.9
                || oneEditApart(a, b)) {
            return MatchLevel.FAMILY_SIMILAR;
        }
        return MatchLevel.FAMILY_DIFFERENT;
    }

    /** The first given names: equal, an initial that fits, a nickname, within typing distance, or different. */
    static MatchLevel given(String a, String b) {
        if (a == null || b == null) {
            return null;
        }
        String first = a.split(" ")[0];
        String other = b.split(" ")[0];
        if (first.equals(other)) {
            return MatchLevel.GIVEN_EQUAL;
        }
        if (first.length() == 1 || other.length() == 1) {
            return first.charAt(0) == other.charAt(0) ? MatchLevel.GIVEN_INITIAL : MatchLevel.GIVEN_DIFFERENT;
        }
        if (Nicknames.same(first, other)) {
            return MatchLevel.GIVEN_NICKNAME;
        }
        if (NameKeys.similarity(first, other) >= 0.9 || oneEditApart(first, other)) {
            return MatchLevel.GIVEN_SIMILAR;
        }
        return MatchLevel.GIVEN_DIFFERENT;
    }

    /** Two organizations' names. */
    static MatchLevel organization(String a, String b) {
        if (a == null || b == null) {
            return null;
        }
        if (a.equals(b)) {
            return MatchLevel.ORGANIZATION_EQUAL;
        }
        return NameKeys.similarity(a, b) >= 0.92 ? MatchLevel.ORGANIZATION_SIMILAR : MatchLevel.ORGANIZATION_DIFFERENT;
    }

    /** Two persons' employers. */
    static MatchLevel employer(String a, String b) {
        if (a == null || b == null) {
            return null;
        }
        return a.equals(b) ? MatchLevel.EMPLOYER_EQUAL : MatchLevel.EMPLOYER_DIFFERENT;
    }

    /** Equal; day and month swapped, or one digit mistyped; or different. */
    static MatchLevel born(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return null;
        }
        if (a.equals(b)) {
            return MatchLevel.BIRTH_EQUAL;
        }
        boolean swapped = a.getYear() == b.getYear() && a.getDayOfMonth() == b.getMonthValue()
                && a.getMonthValue() == b.getDayOfMonth();
        return swapped || digitsApart(a.toString(), b.toString()) == 1 ? MatchLevel.BIRTH_NEAR
                : MatchLevel.BIRTH_DIFFERENT;
    }

    /** The best agreement of any address of one with any of the other. */
    static MatchLevel address(MatchProfile a, MatchProfile b) {
        if (a.addresses().isEmpty() || b.addresses().isEmpty()) {
            return null;
        }
        MatchLevel best = MatchLevel.ADDRESS_DIFFERENT;
        for (MatchProfile.Address x : a.addresses()) {
            for (MatchProfile.Address y : b.addresses()) {
                MatchLevel level = address(x, y);
                if (level.ordinal() < best.ordinal()) {
                    best = level;
                }
            }
        }
        return best;
    }

    /** The level of two addresses; the levels are declared best first. */
    private static MatchLevel address(MatchProfile.Address x, MatchProfile.Address y) {
        boolean samePostcode = x.postcode() != null && x.postcode().equals(y.postcode());
        boolean nearPostcode = x.postcode() != null && y.postcode() != null
                && digitsApart(x.postcode(), y.postcode()) == 1;
        boolean sameCity = !x.city().isEmpty() && x.city().equals(y.city());
        boolean sameStreet = !x.street().isEmpty() && !y.street().isEmpty()
                && NameKeys.similarity(x.street(), y.street()) >= 0.9;
        boolean sameNumber = !x.number().isEmpty() && x.number().equals(y.number());
        if (sameStreet && sameNumber && (samePostcode || nearPostcode || sameCity)) {
            return MatchLevel.ADDRESS_EQUAL;
        }
        if (sameStreet && (samePostcode || sameCity)) {
            return MatchLevel.ADDRESS_STREET;
        }
        if (samePostcode) {
            return MatchLevel.ADDRESS_POSTCODE;
        }
        return MatchLevel.ADDRESS_DIFFERENT;
    }

    /**
     * Each declared identifier both have, the same value or a different one, adds its level's weight; the field's
     * level is different when any differs.
     */
    private static void identifiers(Map<String, String> a, Map<String, String> b, MatchWeights weights,
            Map<MatchField, MatchLevel> levels, Map<MatchField, Double> contributions) {
        double weight = 0;
        MatchLevel level = null;
        for (Map.Entry<String, String> e : a.entrySet()) {
            String other = b.get(e.getKey());
            if (other != null) {
                MatchLevel one = identifier(e.getValue(), other);
                weight += weights.of(one);
                level = level == MatchLevel.IDENTIFIER_DIFFERENT ? level : one;
            }
        }
        if (level != null) {
            levels.put(MatchField.IDENTIFIER, level);
            contribute(contributions, MatchField.IDENTIFIER, weight);
        }
    }

    /** Two values of one identifier. */
    static MatchLevel identifier(String a, String b) {
        return a.equals(b) ? MatchLevel.IDENTIFIER_EQUAL : MatchLevel.IDENTIFIER_DIFFERENT;
    }

    /**
     * The best common value, its weight discounted by how many customers share it (never below nothing); values,
     * none in common, are the other level.
     */
    private static void shared(Set<String> a, Set<String> b, MatchLevel equal, MatchLevel different,
            ToIntFunction<String> sharers, MatchWeights weights, Map<MatchField, MatchLevel> levels,
            Map<MatchField, Double> contributions) {
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (String value : a) {
            if (b.contains(value)) {
                best = Math.max(best, shared(weights.of(equal), Math.max(1, sharers.applyAsInt(value))));
            }
        }
        if (best == Double.NEGATIVE_INFINITY) {
            put(levels, contributions, weights, equal.field(), different);
        } else {
            levels.put(equal.field(), equal);
            contribute(contributions, equal.field(), best);
        }
    }

    /** An agreement's weight when {@code sharers} customers hold the value: less per doubling, never below nothing. */
    static double shared(double equal, int sharers) {
        return Math.max(0, equal - SHARED_DISCOUNT * (Math.log(sharers) / Math.log(2)));
    }

    /**
     * Whether one typing error turns one word into the other: a letter substituted, left out, added, or two
     * neighbours swapped (Damerau-Levenshtein distance 1). Words of four letters or more only: shorter ones one
     * error apart are often different names.
     */
    static boolean oneEditApart(String a, String b) {
        if (Math.min(a.length(), b.length()) < 4 || Math.abs(a.length() - b.length()) > 1 || a.equals(b)) {
            return false;
        }
        int from = 0;
        while (from < Math.min(a.length(), b.length()) && a.charAt(from) == b.charAt(from)) {
            from++;
        }
        int endA = a.length();
        int endB = b.length();
        while (endA > from && endB > from && a.charAt(endA - 1) == b.charAt(endB - 1)) {
            endA--;
            endB--;
        }
        int restA = endA - from;
        int restB = endB - from;
        if (restA + restB <= 1 || restA == 1 && restB == 1) {
            return true;
        }
        return restA == 2 && restB == 2 && a.charAt(from) == b.charAt(from + 1) && a.charAt(from + 1) == b.charAt(from);
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
