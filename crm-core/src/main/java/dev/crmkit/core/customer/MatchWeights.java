package dev.crmkit.core.customer;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The weights of the matching rules, in the manner of Fellegi and Sunter: one per {@link MatchLevel} (a log2
 * likelihood ratio: how much more often two records of one party agree so than two of different parties), and the
 * sum of weights at which a pair's score is one half. A pair's score is {@code 1 / (1 + 2^(evenWeight - w))}, where
 * {@code w} adds up the weights of its fields' levels. A host sets them per tenant in {@link MatchSettings}, by hand
 * or from {@link CustomerService#estimateMatchWeights an estimate} made on the tenant's own customers.
 *
 * @param levels the weight of every level, each finite and between {@code -MAX_WEIGHT} and {@code MAX_WEIGHT}
 * @param evenWeight the sum of weights at which the score is one half, between {@code -MAX_WEIGHT} and
 *     {@code MAX_WEIGHT}
 */
public record MatchWeights(Map<MatchLevel, Double> levels, double evenWeight) {
    /** The largest weight, either way, a level or the even weight may have. */
    public static final double MAX_WEIGHT = 40.0;
    private static final MatchWeights DEFAULTS = defaultWeights();

    /**
     * Copies the levels.
     *
     * @throws ValidationException ({@code levels}) when null, holding null or not every level;
     *     ({@code levels.<LEVEL>}) when a weight is not a finite number within {@link #MAX_WEIGHT} either way;
     *     ({@code evenWeight}) likewise
     */
    public MatchWeights {
        Checks.required("levels", levels);
        EnumMap<MatchLevel, Double> copy = new EnumMap<>(MatchLevel.class);
        levels.forEach((level, weight) -> copy.put(Checks.required("levels", level),
                checked("levels." + level.name(), Checks.required("levels." + level.name(), weight))));
        for (MatchLevel level : MatchLevel.values()) {
            if (!copy.containsKey(level)) {
                throw new ValidationException("levels." + level.name(), "is required");
            }
        }
        checked("evenWeight", evenWeight);
        levels = Collections.unmodifiableMap(copy);
    }

    private static double checked(String field, double weight) {
        if (!(Math.abs(weight) <= MAX_WEIGHT)) {
            throw new ValidationException(field, "must be a number from -" + MAX_WEIGHT + " to " + MAX_WEIGHT);
        }
        return weight;
    }

    /** Every level at its {@link MatchLevel#defaultWeight() default weight}, the score one half at a sum of 5. */
    public static MatchWeights defaults() {
        return DEFAULTS;
    }

    private static MatchWeights defaultWeights() {
        Map<MatchLevel, Double> levels = new EnumMap<>(MatchLevel.class);
        for (MatchLevel level : MatchLevel.values()) {
            levels.put(level, level.defaultWeight());
        }
        return new MatchWeights(levels, 5.0);
    }

    /** The weight of a level. */
    public double of(MatchLevel level) {
        return levels.get(Checks.required("level", level));
    }

    /**
     * These weights with one level's weight changed.
     *
     * @throws ValidationException ({@code level}) when null; ({@code levels.<LEVEL>}) as the constructor
     */
    public MatchWeights with(MatchLevel level, double weight) {
        Map<MatchLevel, Double> changed = new EnumMap<>(levels);
        changed.put(Checks.required("level", level), weight);
        return new MatchWeights(changed, evenWeight);
    }

    /**
     * These weights with another even weight.
     *
     * @throws ValidationException ({@code evenWeight}) as the constructor
     */
    public MatchWeights withEvenWeight(double weight) {
        return new MatchWeights(levels, weight);
    }

    /** A sum of weights as a score between 0 and 1, three decimals. */
    double score(double weight) {
        return Math.round(1000.0 / (1.0 + Math.pow(2.0, evenWeight - weight))) / 1000.0;
    }
}
