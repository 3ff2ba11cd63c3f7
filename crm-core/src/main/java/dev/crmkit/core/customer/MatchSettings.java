package dev.crmkit.core.customer;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a tenant's customers are matched: the two score thresholds, the custom fields that carry a date of birth and
 * identifiers, and the weights of the rules' levels of agreement. Scores run from 0 to 1 (see
 * {@link DuplicateCandidate}).
 *
 * @param duplicateThreshold from this score a candidate is a duplicate: {@link DuplicatePolicy#BLOCK} refuses the
 *     registration, and open pairs from this score make the groups of {@link CustomerService#duplicateGroups}
 * @param possibleThreshold from this score (at most {@code duplicateThreshold}) a candidate is a possible duplicate:
 *     registration under {@link DuplicatePolicy#WARN}, {@code findMatches} and {@code findMatchesAll} return it
 * @param dateOfBirthField the key of the {@code DATE} custom field holding a person's date of birth, or null
 * @param identifierFields the keys of {@code TEXT} custom fields holding identifiers (a customer number, a tax id):
 *     the same value is strong evidence, a different one strong evidence against
 * @param weights the weight of each level of agreement and the sum at which the score is one half, set by the host
 *     or {@link CustomerService#estimateMatchWeights estimated} from the tenant's customers
 */
public record MatchSettings(double duplicateThreshold, double possibleThreshold, String dateOfBirthField,
        Set<String> identifierFields, MatchWeights weights) {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /**
     * Copies the identifier fields.
     *
     * @throws ValidationException ({@code duplicateThreshold}, {@code possibleThreshold}) unless each is above 0 and
     *     at most 1 and the possible threshold is at most the duplicate one; ({@code dateOfBirthField},
     *     {@code identifierFields}) when a key is not a custom field key or the set is null, holds null or more than
     *     10 keys; ({@code weights}) when null
     */
    public MatchSettings {
        Checks.required("weights", weights);
        if (!(duplicateThreshold > 0 && duplicateThreshold <= 1)) {
            throw new ValidationException("duplicateThreshold", "must be above 0 and at most 1");
        }
        if (!(possibleThreshold > 0 && possibleThreshold <= duplicateThreshold)) {
            throw new ValidationException("possibleThreshold", "must be above 0 and at most the duplicate threshold");
        }
        if (dateOfBirthField != null && !KEY.matcher(dateOfBirthField).matches()) {
            throw new ValidationException("dateOfBirthField", "must be a custom field key");
        }
        identifierFields = Set.copyOf(Checks.noNulls("identifierFields", identifierFields));
        if (identifierFields.size() > 10) {
            throw new ValidationException("identifierFields", "must hold at most 10 keys");
        }
        for (String key : identifierFields) {
            if (!KEY.matcher(key).matches()) {
                throw new ValidationException("identifierFields", "must hold custom field keys");
            }
        }
    }

    /**
     * Settings with the {@link MatchWeights#defaults() default weights}.
     *
     * @throws ValidationException as the canonical constructor
     */
    public MatchSettings(double duplicateThreshold, double possibleThreshold, String dateOfBirthField,
            Set<String> identifierFields) {
        this(duplicateThreshold, possibleThreshold, dateOfBirthField, identifierFields, MatchWeights.defaults());
    }

    /** Duplicates from 0.9, possible duplicates from 0.7, no date of birth or identifier fields, default weights. */
    public static MatchSettings defaults() {
        return new MatchSettings(0.9, 0.7, null, Set.of());
    }

    /** These settings with the date of birth read from this {@code DATE} custom field. */
    public MatchSettings withDateOfBirthField(String key) {
        return new MatchSettings(duplicateThreshold, possibleThreshold, Checks.required("dateOfBirthField", key),
                identifierFields, weights);
    }

    /** These settings with these {@code TEXT} custom fields compared as identifiers. */
    public MatchSettings withIdentifierFields(Set<String> keys) {
        return new MatchSettings(duplicateThreshold, possibleThreshold, dateOfBirthField, keys, weights);
    }

    /** These settings with other thresholds. */
    public MatchSettings withThresholds(double duplicate, double possible) {
        return new MatchSettings(duplicate, possible, dateOfBirthField, identifierFields, weights);
    }

    /**
     * These settings with other weights: set by hand, or those of an {@link MatchWeightEstimate#weights() estimate}.
     *
     * @throws ValidationException ({@code weights}) when null
     */
    public MatchSettings withWeights(MatchWeights weights) {
        return new MatchSettings(duplicateThreshold, possibleThreshold, dateOfBirthField, identifierFields, weights);
    }
}
