package dev.crmkit.core.customer;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Estimates a tenant's match weights from its own customers: samples customers (a reservoir over one pass through
 * the tenant, so every live customer is as likely to be drawn), compares each sampled customer with every candidate
 * its blocking keys, e-mails and phones yield, each pair once, counts the comparison patterns, and fits them
 * ({@link MatchWeightFit}). Memory holds the sampled ids, one chunk of profiles and their candidates, and the pattern
 * counts; never every pair.
 */
final class MatchWeightEstimator {
    /** Profiles compared per chunk: the blocking lookups of {@link DuplicateMatcher#blocks} take them together. */
    private static final int CHUNK = 500;
    /** The same tenant data gives the same sample, so an estimate can be repeated. */
    private static final long SEED = 14;

    private final CustomerStorage customerStorage;
    private final String tenantId;
    private final MatchSettings settings;
    private final DuplicateMatcher matcher;

    MatchWeightEstimator(Storage storage, String tenantId, MatchSettings settings) {
        this.customerStorage = storage.capability(CustomerStorage.class).orElseThrow();
        this.tenantId = tenantId;
        this.settings = settings;
        this.matcher = new DuplicateMatcher(storage, tenantId, settings);
    }

    MatchWeightEstimate estimate(int sampleCustomers, int maxPairs) {
        List<UUID> sample = sample(sampleCustomers);
        Set<UUID> sampled = new HashSet<>(sample);
        Map<Map<MatchField, MatchLevel>, Long> counts = new HashMap<>();
        long pairs = 0;
        for (int from = 0; from < sample.size() && pairs < maxPairs; from += CHUNK) {
            List<MatchProfile> profiles = matcher.profiles(sample.subList(from, Math.min(sample.size(), from + CHUNK)));
            DuplicateMatcher.Blocks blocks = matcher.blocks(profiles);
            for (MatchProfile p : profiles) {
                List<Map<MatchField, MatchLevel>> compared = new ArrayList<>();
                blocks.compare(p, settings.weights(), (other, c) -> {
                    // a pair of two sampled customers is counted from the one whose id sorts first
                    if (!sampled.contains(other.id()) || Ids.ORDER.compare(p.id(), other.id()) < 0) {
                        compared.add(c.levels());
                    }
                });
                for (Map<MatchField, MatchLevel> levels : compared) {
                    if (pairs == maxPairs) {
                        break;
                    }
                    counts.merge(levels, 1L, Long::sum);
                    pairs++;
                }
            }
        }
        return estimate(MatchWeightFit.patterns(counts), sample.size(), pairs);
    }

    private MatchWeightEstimate estimate(List<MatchWeightFit.Pattern> patterns, int customers, long pairs) {
        MatchWeights current = settings.weights();
        if (pairs == 0) {
            return new MatchWeightEstimate(current, Map.of(), customers, 0, 0, 0, false);
        }
        MatchWeightFit.Result fit = MatchWeightFit.fit(patterns, current);
        Map<MatchLevel, MatchWeightEstimate.Level> levels = new EnumMap<>(MatchLevel.class);
        MatchWeights weights = current;
        for (Map.Entry<MatchLevel, Double> m : fit.m().entrySet()) {
            MatchWeightEstimate.Level level = new MatchWeightEstimate.Level(m.getValue(), fit.u().get(m.getKey()),
                    fit.pairs().get(m.getKey()));
            levels.put(m.getKey(), level);
            weights = weights.with(m.getKey(), level.weight());
        }
        double even = Math.log((1 - fit.lambda()) / fit.lambda()) / Math.log(2);
        weights = weights.withEvenWeight(Math.max(-MatchWeights.MAX_WEIGHT, Math.min(MatchWeights.MAX_WEIGHT, even)));
        return new MatchWeightEstimate(weights, levels, customers, pairs, fit.lambda(), fit.iterations(),
                fit.converged());
    }

    /** Up to {@code size} live customers' ids, drawn evenly from one pass through the tenant (Algorithm R). */
    private List<UUID> sample(int size) {
        Random random = new Random(SEED);
        List<UUID> reservoir = new ArrayList<>();
        long seen = 0;
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<CustomerRecord> page = customerStorage.customers().find(tenantId, CustomerCriterion.all(), request);
            for (CustomerRecord customer : page.items()) {
                seen++;
                if (reservoir.size() < size) {
                    reservoir.add(customer.id());
                } else {
                    long at = (long) (random.nextDouble() * seen);
                    if (at < size) {
                        reservoir.set((int) at, customer.id());
                    }
                }
            }
            if (!page.hasNext()) {
                return reservoir;
            }
            request = request.next(page.next().orElseThrow());
        }
    }
}
