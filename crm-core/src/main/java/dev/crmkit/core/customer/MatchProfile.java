package dev.crmkit.core.customer;

import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What the matching rules compare two customers on, and the rules themselves: the same e-mail, the same phone,
 * or a similar name together with the same organization or postcode.
 */
record MatchProfile(UUID id, String nameKey, String name, String organization, Set<String> emails,
        Set<String> phones, Set<String> postcodes) {

    static MatchProfile of(CustomerRecord customer, Collection<ContactPointRecord> contactPoints) {
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        Set<String> postcodes = new HashSet<>();
        for (ContactPointRecord point : contactPoints) {
            add(point.kind(), point.value(), point.address() == null ? null
                    : ContactPointNormalizer.postcodeKey(point.address()), emails, phones, postcodes);
        }
        return new MatchProfile(customer.id(), customer.nameKey(),
                NameKeys.comparableName(customer.kind(), customer.displayName(), customer.givenName(),
                        customer.familyName(), customer.organizationName()),
                NameKeys.organizationKey(customer.organizationName()), emails, phones, postcodes);
    }

    static MatchProfile of(PartyProfile party) {
        return new MatchProfile(party.id(), party.nameKey(),
                NameKeys.comparableName(party.kind(), party.displayName(), party.givenName(), party.familyName(),
                        party.organizationName()),
                NameKeys.organizationKey(party.organizationName()), party.emails(), party.phones(),
                party.postcodeKeys());
    }

    private static void add(ContactPointKind kind, String value, String postcode, Set<String> emails,
            Set<String> phones, Set<String> postcodes) {
        switch (kind) {
            case EMAIL -> emails.add(value);
            case PHONE -> phones.add(value);
            case POSTAL -> {
                if (postcode != null) {
                    postcodes.add(postcode);
                }
            }
        }
    }

    /** Why this customer and the other look like one party; empty when they do not. */
    Set<MatchReason> reasonsToMatch(MatchProfile other) {
        Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
        if (intersects(emails, other.emails)) {
            reasons.add(MatchReason.SAME_EMAIL);
        }
        if (intersects(phones, other.phones)) {
            reasons.add(MatchReason.SAME_PHONE);
        }
        if (!name.isEmpty() && !other.name.isEmpty() && NameKeys.similarity(name, other.name) >= NameKeys.SIMILAR) {
            if (organization != null && organization.equals(other.organization)) {
                reasons.add(MatchReason.SIMILAR_NAME_SAME_ORGANIZATION);
            }
            if (intersects(postcodes, other.postcodes)) {
                reasons.add(MatchReason.SIMILAR_NAME_SAME_POSTCODE);
            }
        }
        return reasons;
    }

    static double score(Set<MatchReason> reasons) {
        double miss = 1.0;
        for (MatchReason reason : reasons) {
            miss *= 1.0 - reason.weight();
        }
        return Math.round((1.0 - miss) * 1000) / 1000.0;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }
}
