package dev.crmkit.core.customer;

import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customer.PostalAddress;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the matching rules compare two parties on, folded for comparison ({@link NameKeys#fold}): the names, the
 * organization, e-mails, phones, postal addresses, the date of birth and declared identifiers. {@link MatchRules}
 * compares two profiles; {@link MatchKeys} gives the blocking keys a profile is found by.
 *
 * @param given a person's folded given name, or null
 * @param family a person's folded family name (for an organization: null), or null
 * @param organization the folded organization name without legal forms (a person's employer), or null
 */
record MatchProfile(UUID id, PartyKind kind, String nameKey, String name, String given, String family,
        String organization, Set<String> emails, Set<String> phones, Set<String> postcodes, List<Address> addresses,
        LocalDate dateOfBirth, Map<String, String> identifiers) {

    /** A postal address folded for comparison: street name without spaces, house number, postcode key, city. */
    record Address(String street, String number, String postcode, String city) {
        static Address of(PostalAddress address) {
            StringBuilder street = new StringBuilder();
            StringBuilder number = new StringBuilder();
            for (String word : NameKeys.fold(address.street()).split(" ")) {
                (word.chars().anyMatch(Character::isDigit) ? number : street).append(word);
            }
            String name = street.toString().replace("strasse", "str").replace("street", "st");
            return new Address(name, number.toString(), ContactPointNormalizer.postcodeKey(address),
                    address.city() == null ? "" : NameKeys.fold(address.city()));
        }
    }

    MatchProfile {
        emails = Set.copyOf(emails);
        phones = Set.copyOf(phones);
        postcodes = Set.copyOf(postcodes);
        addresses = List.copyOf(addresses);
        identifiers = Map.copyOf(identifiers);
    }

    static MatchProfile of(CustomerRecord customer, Collection<ContactPointRecord> contactPoints,
            MatchSettings settings) {
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        List<PostalAddress> addresses = new ArrayList<>();
        for (ContactPointRecord point : contactPoints) {
            switch (point.kind()) {
                case EMAIL -> emails.add(point.value());
                case PHONE -> phones.add(point.value());
                case POSTAL -> addresses.add(point.address());
            }
        }
        LocalDate born = null;
        if (settings.dateOfBirthField() != null
                && customer.customFields().get(settings.dateOfBirthField()) instanceof CustomFieldValue.Date d) {
            born = d.value();
        }
        Map<String, String> identifiers = new TreeMap<>();
        for (String key : settings.identifierFields()) {
            CustomFieldValue value = customer.customFields().get(key);
            if (value instanceof CustomFieldValue.Text t) {
                identifiers.put(key, t.value());
            } else if (value instanceof CustomFieldValue.Number n) {
                identifiers.put(key, n.value().toPlainString());
            }
        }
        return of(customer.id(), customer.kind(), customer.displayName(), customer.givenName(),
                customer.familyName(), customer.organizationName(), emails, phones, addresses, born, identifiers);
    }

    static MatchProfile of(PartyProfile party) {
        return of(party.id(), party.kind(), party.displayName(), party.givenName(), party.familyName(),
                party.organizationName(), party.emails(), party.phones(), party.addresses(), party.dateOfBirth(),
                party.identifiers(), party.postcodeKeys());
    }

    private static MatchProfile of(UUID id, PartyKind kind, String displayName, String givenName, String familyName,
            String organizationName, Set<String> emails, Set<String> phones, List<PostalAddress> postal,
            LocalDate born, Map<String, String> identifiers) {
        return of(id, kind, displayName, givenName, familyName, organizationName, emails, phones, postal, born,
                identifiers, Set.of());
    }

    private static MatchProfile of(UUID id, PartyKind kind, String displayName, String givenName, String familyName,
            String organizationName, Set<String> emails, Set<String> phones, List<PostalAddress> postal,
            LocalDate born, Map<String, String> identifiers, Set<String> postcodeKeys) {
        List<Address> addresses = postal.stream().map(Address::of).toList();
        Set<String> postcodes = new HashSet<>(postcodeKeys);
        addresses.stream().map(Address::postcode).filter(p -> p != null).forEach(postcodes::add);
        String given = null;
        String family = null;
        if (kind == PartyKind.PERSON) {
            given = blankToNull(givenName == null ? null : NameKeys.fold(givenName));
            family = blankToNull(familyName == null ? null : NameKeys.fold(familyName));
            if (given == null && family == null) {
                String[] words = NameKeys.fold(displayName).split(" ");
                family = blankToNull(words[words.length - 1]);
                given = words.length > 1 ? words[0] : null;
            }
        }
        Map<String, String> folded = new TreeMap<>();
        identifiers.forEach((key, value) -> {
            String v = NameKeys.fold(value).replace(" ", "");
            if (!v.isEmpty()) {
                folded.put(key, v);
            }
        });
        return new MatchProfile(id, kind,
                NameKeys.nameKey(kind, displayName, givenName, familyName, organizationName),
                NameKeys.comparableName(kind, displayName, givenName, familyName, organizationName), given, family,
                NameKeys.organizationKey(kind == PartyKind.ORGANIZATION && organizationName == null ? displayName
                        : organizationName),
                emails, phones, postcodes, addresses, born, folded);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** This profile with given and family name swapped, as a data typist may have entered them. */
    MatchProfile swapped() {
        return new MatchProfile(id, kind, NameKeys.nameKey(kind, name, family, given, organization), name, family,
                given, organization, emails, phones, postcodes, addresses, dateOfBirth, identifiers);
    }

    /** Why this party and the other look like one under the default settings; empty when they do not. */
    Set<MatchReason> reasonsToMatch(MatchProfile other) {
        MatchRules.Comparison c = MatchRules.compare(this, other, value -> 1);
        return c.score() >= MatchSettings.defaults().possibleThreshold() ? c.reasons() : Set.of();
    }
}
