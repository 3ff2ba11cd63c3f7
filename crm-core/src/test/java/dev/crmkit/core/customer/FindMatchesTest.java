package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.PartyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Matching other domains' parties with customers, one at a time and as a batch. */
class FindMatchesTest {
    private final CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.ALLOW);
    private final CustomerService customers = world.customers();

    private static PartyProfile person(String given, String family, Set<String> emails, Set<String> phones) {
        return new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, given + " " + family, given, family, null, emails,
                phones, Set.of());
    }

    @Test
    void a_batch_finds_for_every_party_what_it_would_find_alone() {
        UUID anna = customers.register(RegisterPerson.named("Anna", "Müller").withEmail("anna@example.com"))
                .customer().id();
        UUID annaToo = customers.register(RegisterPerson.named("Anna", "Mueller").withPhone("+49 30 1234567"))
                .customer().id();
        UUID jonas = customers.register(RegisterPerson.named("Jonas", "Becker").withEmail("jonas@example.com"))
                .customer().id();
        customers.register(RegisterPerson.named("Nobody", "Else").withEmail("nobody@example.com"));
        List<PartyProfile> parties = List.of(
                person("Anna", "Müller", Set.of("anna@example.com"), Set.of("+49301234567")),
                person("J.", "Becker", Set.of("jonas@example.com"), Set.of()),
                person("Ada", "Lovelace", Set.of("ada@example.com"), Set.of()),
                person("Anna", "Mueller", Set.of(), Set.of()));

        Map<UUID, List<DuplicateCandidate>> batch = customers.findMatchesAll(parties);

        assertThat(batch.keySet()).containsExactlyElementsOf(parties.stream().map(PartyProfile::id).toList());
        for (PartyProfile party : parties) {
            assertThat(batch.get(party.id())).as(party.displayName()).isEqualTo(customers.findMatches(party));
        }
        assertThat(batch.get(parties.get(0).id())).extracting(DuplicateCandidate::customerId)
                .containsExactlyInAnyOrder(anna, annaToo);
        assertThat(batch.get(parties.get(1).id())).extracting(DuplicateCandidate::customerId).containsExactly(jonas);
        assertThat(batch.get(parties.get(2).id())).isEmpty();
        assertThat(batch.get(parties.get(3).id())).as("a similar name alone, without company or postcode").isEmpty();
    }

    @Test
    void a_batch_that_repeats_a_party_or_is_too_long_is_rejected() {
        PartyProfile one = person("Anna", "Müller", Set.of(), Set.of());
        List<PartyProfile> tooMany = new ArrayList<>();
        for (int i = 0; i <= CustomerService.MAX_PARTIES; i++) {
            tooMany.add(person("P", "N" + i, Set.of(), Set.of()));
        }

        assertThatThrownBy(() -> customers.findMatchesAll(List.of(one, one)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("parties"));
        assertThatThrownBy(() -> customers.findMatchesAll(tooMany)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> customers.findMatchesAll(null)).isInstanceOf(ValidationException.class);
        assertThat(customers.findMatchesAll(List.of())).isEmpty();
    }
}
