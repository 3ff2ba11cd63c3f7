package dev.crmkit.core.customer;

import dev.crmkit.model.Checks;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customer.PostalAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A party as the customer matching rules see it, for domains that hold party data of their own (a lead, say) and
 * want to know whether it is a customer already, or the same party as another of theirs. Contact values must be
 * normalized as {@link ContactValues} does; names and addresses are given as entered.
 *
 * <p>{@code id} names the party in its own domain (it is never matched with itself); postcodes are
 * {@link ContactValues#postcodeKey postcode keys} (the postcodes of {@code addresses} count too);
 * {@code identifiers} are keyed by the custom field keys the tenant's {@link MatchSettings#identifierFields()} name.
 */
public record PartyProfile(UUID id, PartyKind kind, String displayName, String givenName, String familyName,
        String organizationName, Set<String> emails, Set<String> phones, Set<String> postcodeKeys,
        List<PostalAddress> addresses, LocalDate dateOfBirth, Map<String, String> identifiers) {

    /**
     * Copies the collections.
     *
     * @throws dev.crmkit.model.ValidationException ({@code id}, {@code kind}) when either is null; ({@code displayName})
     *     unless it is 1 to 200 characters; ({@code emails}, {@code phones}, {@code postcodeKeys}, {@code addresses},
     *     {@code identifiers}) when a collection is null or holds null
     */
    public PartyProfile {
        Checks.id("id", id);
        Checks.required("kind", kind);
        Checks.text("displayName", displayName, 200);
        emails = Set.copyOf(Checks.noNulls("emails", emails));
        phones = Set.copyOf(Checks.noNulls("phones", phones));
        postcodeKeys = Set.copyOf(Checks.noNulls("postcodeKeys", postcodeKeys));
        addresses = List.copyOf(Checks.noNulls("addresses", addresses));
        Checks.required("identifiers", identifiers);
        Checks.noNulls("identifiers", identifiers.keySet());
        Checks.noNulls("identifiers", identifiers.values());
        identifiers = Map.copyOf(identifiers);
    }

    /**
     * A party without postal addresses, date of birth or identifiers.
     *
     * @throws dev.crmkit.model.ValidationException as the canonical constructor
     */
    public PartyProfile(UUID id, PartyKind kind, String displayName, String givenName, String familyName,
            String organizationName, Set<String> emails, Set<String> phones, Set<String> postcodeKeys) {
        this(id, kind, displayName, givenName, familyName, organizationName, emails, phones, postcodeKeys, List.of(),
                null, Map.of());
    }

    /**
     * Why this party and the other look like one, by the customer rules at the default weights and thresholds
     * ({@link MatchSettings#defaults()}): the fields that agreed. Empty when the score stays below the possible
     * threshold. A domain comparing parties of a tenant uses {@link #reasonsToMatch(PartyProfile, MatchSettings)}
     * with the tenant's {@link CustomerService#matchSettings() settings}.
     */
    public Set<MatchReason> reasonsToMatch(PartyProfile other) {
        return reasonsToMatch(other, MatchSettings.defaults());
    }

    /**
     * Why this party and the other look like one by the customer rules with the given settings' weights: the fields
     * that agreed, or none when the score stays below the settings' possible threshold.
     *
     * @throws dev.crmkit.model.ValidationException ({@code other}, {@code settings}) when either is null
     */
    public Set<MatchReason> reasonsToMatch(PartyProfile other, MatchSettings settings) {
        MatchRules.Comparison c = compare(other, settings);
        return c.score() >= settings.possibleThreshold() ? c.reasons() : Set.of();
    }

    /**
     * The score, 0 to 1, the customer rules give this party and the other at the default weights (see
     * {@link DuplicateCandidate}).
     */
    public double scoreAgainst(PartyProfile other) {
        return scoreAgainst(other, MatchSettings.defaults());
    }

    /**
     * The score, 0 to 1, the customer rules give this party and the other with the given settings' weights, as
     * registration scores a tenant's customers.
     *
     * @throws dev.crmkit.model.ValidationException ({@code other}, {@code settings}) when either is null
     */
    public double scoreAgainst(PartyProfile other, MatchSettings settings) {
        return compare(other, settings).score();
    }

    private MatchRules.Comparison compare(PartyProfile other, MatchSettings settings) {
        Checks.required("other", other);
        Checks.required("settings", settings);
        // two parties of a domain's own: no count of customers sharing a contact value to discount it by
        return MatchRules.compare(MatchProfile.of(this), MatchProfile.of(other), value -> 1, settings.weights());
    }

    /** The blocking key storage looks names up by, or null when the name has no letters or digits. */
    public String nameKey() {
        return NameKeys.nameKey(kind, displayName, givenName, familyName, organizationName);
    }

    /** A match score between 0 and 1 for the reasons alone: they combine as independent evidence. */
    public static double score(Set<MatchReason> reasons) {
        double miss = 1.0;
        for (MatchReason reason : reasons) {
            miss *= 1.0 - reason.weight();
        }
        return Math.round((1.0 - miss) * 1000) / 1000.0;
    }
}
