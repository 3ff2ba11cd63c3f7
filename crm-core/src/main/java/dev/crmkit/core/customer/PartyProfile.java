package dev.crmkit.core.customer;

import dev.crmkit.model.Checks;
import dev.crmkit.model.customer.PartyKind;
import java.util.Set;
import java.util.UUID;

/**
 * A party as the customer matching rules see it, for domains that hold party data of their own (a lead, say) and
 * want to know whether it is a customer already, or the same party as another of theirs. Contact values must be
 * normalized as {@link ContactValues} does; names are given as entered.
 *
 * <p>{@code id} names the party in its own domain (it is never matched with itself); postcodes are
 * {@link ContactValues#postcodeKey postcode keys}.
 */
public record PartyProfile(UUID id, PartyKind kind, String displayName, String givenName, String familyName,
        String organizationName, Set<String> emails, Set<String> phones, Set<String> postcodeKeys) {

    /**
     * Copies the sets.
     *
     * @throws dev.crmkit.model.ValidationException ({@code id}, {@code kind}) when either is null; ({@code displayName})
     *     unless it is 1 to 200 characters; ({@code emails}, {@code phones}, {@code postcodeKeys}) when a set is null
     *     or holds null
     */
    public PartyProfile {
        Checks.id("id", id);
        Checks.required("kind", kind);
        Checks.text("displayName", displayName, 200);
        emails = Set.copyOf(Checks.noNulls("emails", emails));
        phones = Set.copyOf(Checks.noNulls("phones", phones));
        postcodeKeys = Set.copyOf(Checks.noNulls("postcodeKeys", postcodeKeys));
    }

    /**
     * Why this party and the other look like one, by the customer rules: the same e-mail, the same phone, or a
     * similar name with the same organization or postcode. Empty when they do not.
     */
    public Set<MatchReason> reasonsToMatch(PartyProfile other) {
        return MatchProfile.of(this).reasonsToMatch(MatchProfile.of(other));
    }

    /** The blocking key storage looks names up by, or null when the name has no letters or digits. */
    public String nameKey() {
        return NameKeys.nameKey(kind, displayName, givenName, familyName, organizationName);
    }

    /** A match score between 0 and 1 for the reasons: they combine as independent evidence. */
    public static double score(Set<MatchReason> reasons) {
        return MatchProfile.score(reasons);
    }
}
