package dev.crmkit.spi.customer;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.DuplicateSource;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Why two customers are suspected to be one party, as matching last found it: the score, the reasons and each field's
 * contribution (opaque codes to storage, the core's enum names), which path found it and when.
 *
 * @param score 0 to 1 with at most three decimals, as matching rounds it
 * @param reasons reason codes ({@code [A-Z][A-Z_]*}, at most {@value #MAX_CODE} characters), at most
 *     {@value #MAX_ENTRIES}
 * @param contributions field codes (as reasons) with their weights, finite, -100 to 100, at most {@value #MAX_ENTRIES}
 * @param source the path that found the pair
 * @param foundAt when it was found (last found, for a pair found again)
 */
public record DuplicateEvidence(double score, Set<String> reasons, Map<String, Double> contributions,
        DuplicateSource source, Instant foundAt) {
    /** The most reasons, and the most contributions, one pair holds. */
    public static final int MAX_ENTRIES = 16;
    /** The longest reason or field code. */
    public static final int MAX_CODE = 40;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]{0," + (MAX_CODE - 1) + "}");

    /**
     * Checks the parts and keeps the codes sorted.
     *
     * @throws ValidationException ({@code score}, {@code reasons}, {@code contributions}, {@code source},
     *     {@code foundAt}) naming the first part that breaks a rule above
     */
    public DuplicateEvidence {
        if (!(score >= 0 && score <= 1) || Math.rint(score * 1000) / 1000 != score) {
            throw new ValidationException("score", "must be 0 to 1 with at most three decimals");
        }
        Checks.noNulls("reasons", reasons);
        if (reasons.size() > MAX_ENTRIES || !reasons.stream().allMatch(r -> CODE.matcher(r).matches())) {
            throw new ValidationException("reasons", "must hold at most " + MAX_ENTRIES + " codes of capitals and _");
        }
        reasons = Collections.unmodifiableSet(new TreeSet<>(reasons));
        Checks.required("contributions", contributions);
        TreeMap<String, Double> sorted = new TreeMap<>();
        contributions.forEach((field, weight) -> {
            if (field == null || !CODE.matcher(field).matches()) {
                throw new ValidationException("contributions", "must be keyed by codes of capitals and _");
            }
            if (weight == null || !(weight >= -100 && weight <= 100)) {
                throw new ValidationException("contributions", "must hold weights from -100 to 100");
            }
            sorted.put(field, weight);
        });
        if (sorted.size() > MAX_ENTRIES) {
            throw new ValidationException("contributions", "must hold at most " + MAX_ENTRIES + " fields");
        }
        contributions = Collections.unmodifiableMap(sorted);
        Checks.required("source", source);
        foundAt = Checks.instant("foundAt", foundAt);
    }

    /** Whether the other says the same: score, reasons and contributions (not the source or when). */
    public boolean sameFindingAs(DuplicateEvidence other) {
        return score == other.score && reasons.equals(other.reasons) && contributions.equals(other.contributions);
    }
}
