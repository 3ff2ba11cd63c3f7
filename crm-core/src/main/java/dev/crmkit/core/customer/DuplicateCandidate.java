package dev.crmkit.core.customer;

import dev.crmkit.model.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An existing customer that may be the same party as another: its id, a score between 0 and 1, the reasons found,
 * and the explanation: each compared field's contribution to the score (a log2 likelihood ratio, positive for
 * agreement, negative for disagreement; fields neither party has are left out). The contributions add up to the
 * weight {@code w} the score is computed from, {@code 1 / (1 + 2^(e - w))} with the tenant's even weight {@code e}
 * ({@link MatchWeights#evenWeight()}, 5 by default); see docs/customers.md.
 */
public record DuplicateCandidate(UUID customerId, double score, Set<MatchReason> reasons,
        Map<MatchField, Double> contributions) {
    /**
     * Copies the reasons and contributions.
     *
     * @throws dev.crmkit.model.ValidationException ({@code customerId}) when the id is null; ({@code reasons},
     *     {@code contributions}) when one is null or holds null
     */
    public DuplicateCandidate {
        Checks.id("customerId", customerId);
        reasons = Set.copyOf(Checks.noNulls("reasons", reasons));
        Checks.required("contributions", contributions);
        EnumMap<MatchField, Double> copy = new EnumMap<>(MatchField.class);
        contributions.forEach((field, weight) -> copy.put(Checks.required("contributions", field),
                Checks.required("contributions", weight)));
        contributions = Collections.unmodifiableMap(copy);
    }

    /**
     * A candidate without an explanation.
     *
     * @throws dev.crmkit.model.ValidationException as the canonical constructor
     */
    public DuplicateCandidate(UUID customerId, double score, Set<MatchReason> reasons) {
        this(customerId, score, reasons, Map.of());
    }

    static DuplicateCandidate of(UUID customerId, MatchRules.Comparison comparison) {
        Map<MatchField, Double> rounded = new EnumMap<>(MatchField.class);
        comparison.contributions().forEach((field, weight) -> rounded.put(field, Math.round(weight * 100) / 100.0));
        return new DuplicateCandidate(customerId, comparison.score(), comparison.reasons(), rounded);
    }
}
