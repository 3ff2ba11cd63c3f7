package dev.crmkit.core.forecast;

import java.util.Arrays;

/**
 * The Nelder-Mead simplex method, restarted from its best point until a restart no longer improves: derivative-free
 * and robust for the few parameters of a smoothing model. Bounds are the caller's business, by transformation (the
 * objective maps unbounded coordinates into the allowed region) or by answering infinity outside it.
 */
final class NelderMead {
    /** A function to minimize. */
    interface Objective {
        double value(double[] point);
    }

    /** The best point found and its value. */
    record Minimum(double[] point, double value) {
    }

    private static final double REFLECT = 1;
    private static final double EXPAND = 2;
    private static final double CONTRACT = 0.5;
    private static final double SHRINK = 0.5;

    private final double tolerance;
    private final int maxEvaluations;
    private final int maxRestarts;

    NelderMead(double tolerance, int maxEvaluations, int maxRestarts) {
        this.tolerance = tolerance;
        this.maxEvaluations = maxEvaluations;
        this.maxRestarts = maxRestarts;
    }

    /** Minimizes from {@code start} with an initial simplex of edge {@code step}, restarting at the best point. */
    Minimum minimize(Objective objective, double[] start, double step) {
        Minimum best = new Minimum(start.clone(), safe(objective, start));
        for (int restart = 0; restart <= maxRestarts; restart++) {
            Minimum next = run(objective, best.point(), step);
            boolean improved = next.value() < best.value() - tolerance * (Math.abs(best.value()) + tolerance);
            if (next.value() < best.value()) {
                best = next;
            }
            if (!improved && restart > 0) {
                break;
            }
        }
        return best;
    }

    private Minimum run(Objective objective, double[] start, double step) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = start.clone();
        values[0] = safe(objective, start);
        for (int i = 0; i < n; i++) {
            double[] vertex = start.clone();
            vertex[i] += step;
            simplex[i + 1] = vertex;
            values[i + 1] = safe(objective, vertex);
        }
        int evaluations = n + 1;
        while (evaluations < maxEvaluations) {
            sort(simplex, values);
            double best = values[0];
            double worst = values[n];
            if (Double.isFinite(worst) && worst - best <= tolerance * (Math.abs(best) + tolerance)) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += simplex[i][j] / n;
                }
            }
            double[] reflected = towards(centroid, simplex[n], -REFLECT);
            double reflectedValue = safe(objective, reflected);
            evaluations++;
            if (reflectedValue < best) {
                double[] expanded = towards(centroid, simplex[n], -EXPAND);
                double expandedValue = safe(objective, expanded);
                evaluations++;
                boolean expansionBetter = expandedValue < reflectedValue;
                simplex[n] = expansionBetter ? expanded : reflected;
                values[n] = expansionBetter ? expandedValue : reflectedValue;
            } else if (reflectedValue < values[n - 1]) {
                simplex[n] = reflected;
                values[n] = reflectedValue;
            } else {
                boolean outside = reflectedValue < worst;
                double[] contracted = towards(centroid, outside ? reflected : simplex[n], CONTRACT);
                double contractedValue = safe(objective, contracted);
                evaluations++;
                if (contractedValue < Math.min(reflectedValue, worst)) {
                    simplex[n] = contracted;
                    values[n] = contractedValue;
                } else {
                    for (int i = 1; i <= n; i++) {
                        simplex[i] = towards(simplex[0], simplex[i], SHRINK);
                        values[i] = safe(objective, simplex[i]);
                    }
                    evaluations += n;
                }
            }
        }
        sort(simplex, values);
        return new Minimum(simplex[0], values[0]);
    }

    /** The point {@code from + factor * (to - from)}. */
    private static double[] towards(double[] from, double[] to, double factor) {
        double[] point = new double[from.length];
        for (int i = 0; i < from.length; i++) {
            point[i] = from[i] + factor * (to[i] - from[i]);
        }
        return point;
    }

    private static double safe(Objective objective, double[] point) {
        double value = objective.value(point);
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
    }

    private static void sort(double[][] simplex, double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[][] sortedPoints = new double[simplex.length][];
        double[] sortedValues = new double[values.length];
        for (int i = 0; i < order.length; i++) {
            sortedPoints[i] = simplex[order[i]];
            sortedValues[i] = values[order[i]];
        }
        System.arraycopy(sortedPoints, 0, simplex, 0, simplex.length);
        System.arraycopy(sortedValues, 0, values, 0, values.length);
    }
}
