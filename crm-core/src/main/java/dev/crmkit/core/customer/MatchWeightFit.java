package dev.crmkit.core.customer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expectation-maximisation fit of the Fellegi-Sunter model: pairs are of one party (chance {@code lambda}) or of
 * two, and given its class a pair's fields agree at their levels independently, with chances {@code m} (one party)
 * and {@code u} (two). The pairs come as patterns, one level per field (none where a party lacks the field, which
 * then tells nothing), each with how many pairs showed it, so the fit's memory is bounded by the patterns, not the
 * pairs. It starts from the tenant's weights ({@code m} and {@code u} in the ratio the weights say) so that the class
 * it calls "one party" is the one the weights already favour.
 */
final class MatchWeightFit {
    /** The most rounds. */
    static final int MAX_ITERATIONS = 1000;
    /** The fit has settled when no chance moves by more than this in a round. */
    static final double TOLERANCE = 1e-6;
    /** Added to every observed level's count in both classes, so that no chance is zero. */
    private static final double PRIOR = 0.5;

    /** A comparison pattern: each field's level, or none, and how many pairs showed it. */
    record Pattern(Map<MatchField, MatchLevel> levels, long pairs) {
        Pattern {
            levels = Map.copyOf(levels);
        }
    }

    /** The fitted chances. */
    record Result(double lambda, Map<MatchLevel, Double> m, Map<MatchLevel, Double> u, Map<MatchLevel, Long> pairs,
            int iterations, boolean converged) {
    }

    private MatchWeightFit() {
    }

    /** Fits the patterns, starting from these weights. */
    static Result fit(List<Pattern> patterns, MatchWeights start) {
        Map<MatchLevel, Long> seen = new EnumMap<>(MatchLevel.class);
        for (Pattern p : patterns) {
            p.levels().values().forEach(level -> seen.merge(level, p.pairs(), Long::sum));
        }
        Map<MatchLevel, Double> m = new EnumMap<>(MatchLevel.class);
        Map<MatchLevel, Double> u = new EnumMap<>(MatchLevel.class);
        for (MatchField field : MatchField.values()) {
            Set<MatchLevel> levels = observed(field, seen.keySet());
            for (MatchLevel level : levels) {
                m.put(level, Math.pow(2, start.of(level) / 2));
                u.put(level, Math.pow(2, -start.of(level) / 2));
            }
            normalise(m, levels);
            normalise(u, levels);
        }
        double lambda = 0.1;
        int iteration = 0;
        boolean converged = false;
        while (iteration < MAX_ITERATIONS && !converged) {
            iteration++;
            Map<MatchLevel, Double> inM = new EnumMap<>(MatchLevel.class);
            Map<MatchLevel, Double> inU = new EnumMap<>(MatchLevel.class);
            double matches = 0;
            double total = 0;
            for (Pattern p : patterns) {
                double g = oneParty(p, lambda, m, u);
                matches += g * p.pairs();
                total += p.pairs();
                for (MatchLevel level : p.levels().values()) {
                    inM.merge(level, g * p.pairs(), Double::sum);
                    inU.merge(level, (1 - g) * p.pairs(), Double::sum);
                }
            }
            double nextLambda = Math.min(1 - 1e-9, Math.max(1e-9, matches / total));
            Map<MatchLevel, Double> nextM = next(inM, seen.keySet());
            Map<MatchLevel, Double> nextU = next(inU, seen.keySet());
            double moved = Math.max(Math.abs(nextLambda - lambda), Math.max(moved(m, nextM), moved(u, nextU)));
            lambda = nextLambda;
            m = nextM;
            u = nextU;
            converged = moved <= TOLERANCE;
        }
        return new Result(lambda, m, u, seen, iteration, converged);
    }

    /** The chance a pair showing this pattern is of one party. */
    static double oneParty(Pattern p, double lambda, Map<MatchLevel, Double> m, Map<MatchLevel, Double> u) {
        double logRatio = Math.log(lambda / (1 - lambda));
        for (MatchLevel level : p.levels().values()) {
            logRatio += Math.log(m.get(level) / u.get(level));
        }
        return 1 / (1 + Math.exp(-logRatio));
    }

    private static Map<MatchLevel, Double> next(Map<MatchLevel, Double> counts, Set<MatchLevel> seen) {
        Map<MatchLevel, Double> chances = new EnumMap<>(MatchLevel.class);
        for (MatchField field : MatchField.values()) {
            Set<MatchLevel> levels = observed(field, seen);
            for (MatchLevel level : levels) {
                chances.put(level, counts.getOrDefault(level, 0.0) + PRIOR);
            }
            normalise(chances, levels);
        }
        return chances;
    }

    /** The levels of a field the sample showed, {@link MatchLevel#NAMES_SWAPPED} aside (a correction, not a level). */
    private static Set<MatchLevel> observed(MatchField field, Set<MatchLevel> seen) {
        Set<MatchLevel> levels = EnumSet.noneOf(MatchLevel.class);
        for (MatchLevel level : seen) {
            if (level.field() == field && level != MatchLevel.NAMES_SWAPPED) {
                levels.add(level);
            }
        }
        return levels;
    }

    private static void normalise(Map<MatchLevel, Double> chances, Set<MatchLevel> levels) {
        double sum = 0;
        for (MatchLevel level : levels) {
            sum += chances.get(level);
        }
        for (MatchLevel level : levels) {
            chances.put(level, chances.get(level) / sum);
        }
    }

    private static double moved(Map<MatchLevel, Double> before, Map<MatchLevel, Double> after) {
        double moved = 0;
        for (Map.Entry<MatchLevel, Double> e : after.entrySet()) {
            moved = Math.max(moved, Math.abs(e.getValue() - before.getOrDefault(e.getKey(), 0.0)));
        }
        return moved;
    }

    /** The patterns of these pairs' levels, counted. */
    static List<Pattern> patterns(Map<Map<MatchField, MatchLevel>, Long> counts) {
        List<Pattern> patterns = new ArrayList<>();
        counts.forEach((levels, pairs) -> patterns.add(new Pattern(levels, pairs)));
        return patterns;
    }
}
