package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.CustomerFixtures.relationship;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.RelationshipRecord;
import dev.crmkit.spi.customer.RelationshipStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The promises of {@link RelationshipStore} and {@link RelationshipRecord}. */
public abstract class RelationshipStoreContract extends ContractSupport {
    private final UUID jana = UUID.randomUUID();
    private final UUID piotr = UUID.randomUUID();
    private final UUID acme = UUID.randomUUID();
    private final UUID globex = UUID.randomUUID();


    private static RelationshipRecord moved(RelationshipRecord r, UUID person, UUID organization, Instant at) {
        return new RelationshipRecord(r.tenantId(), r.id(), r.version() + 1, r.createdAt(), at, person, organization,
                r.role());
    }

    @Test
    void relationship_reads_back_equal() {
        RelationshipRecord buyer = relationship(TENANT, jana, acme, "Einkäuferin – décisionnaire");

        RelationshipRecord returned = relationships().insert(buyer);

        assertThat(returned).isEqualTo(buyer);
        assertThat(relationships().get(TENANT, buyer.id())).contains(buyer);
        assertThat(relationships().get(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void insert_of_an_existing_id_throws_duplicate_on_id_and_keeps_the_first() {
        RelationshipRecord first = relationships().insert(relationship(TENANT, jana, acme, "buyer"));
        RelationshipRecord second = new RelationshipRecord(TENANT, first.id(), 1, NOW, NOW, piotr, globex, "employee");

        assertThatThrownBy(() -> relationships().insert(second))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(relationships().get(TENANT, first.id())).contains(first);
        assertThat(relationships().involving(TENANT, piotr, 10)).isEmpty();
    }

    @Test
    void the_same_role_of_the_same_person_at_the_same_organization_throws_duplicate_on_role() {
        RelationshipRecord first = relationships().insert(relationship(TENANT, jana, acme, "buyer"));
        RelationshipRecord again = relationship(TENANT, jana, acme, "buyer");

        assertThatThrownBy(() -> relationships().insert(again))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("role"));
        assertThat(relationships().get(TENANT, again.id())).isEmpty();
        assertThat(relationships().involving(TENANT, jana, 10)).containsExactly(first);
    }

    @Test
    void another_role_or_another_person_at_the_same_organization_is_no_duplicate() {
        RelationshipRecord buyer = relationships().insert(relationship(TENANT, jana, acme, "buyer"));
        RelationshipRecord decider = relationships().insert(relationship(TENANT, jana, acme, "decision maker"));
        RelationshipRecord colleague = relationships().insert(relationship(TENANT, piotr, acme, "buyer"));
        RelationshipRecord caseDiffers = relationships().insert(relationship(TENANT, jana, acme, "Buyer"));

        assertThat(relationships().involving(TENANT, acme, 10))
                .containsExactlyInAnyOrder(buyer, decider, colleague, caseDiffers);
    }

    @Test
    void delete_at_the_stored_version_removes_the_relationship() {
        RelationshipRecord kept = relationships().insert(relationship(TENANT, jana, acme, "buyer"));
        RelationshipRecord dropped = relationships().insert(relationship(TENANT, jana, globex, "buyer"));

        relationships().delete(TENANT, dropped.id(), 1);

        assertThat(relationships().get(TENANT, dropped.id())).isEmpty();
        assertThat(relationships().involving(TENANT, jana, 10)).containsExactly(kept);
    }

    @Test
    void delete_with_a_stale_version_throws_conflict_and_keeps_the_relationship() {
        RelationshipRecord kept = relationships().insert(relationship(TENANT, jana, acme, "buyer"));

        assertThatThrownBy(() -> relationships().delete(TENANT, kept.id(), 2)).isInstanceOf(ConflictException.class);
        assertThat(relationships().get(TENANT, kept.id())).contains(kept);
    }

    @Test
    void delete_of_a_missing_relationship_throws_not_found() {
        RelationshipRecord kept = relationships().insert(relationship(TENANT, jana, acme, "buyer"));

        assertThatThrownBy(() -> relationships().delete(TENANT, UUID.randomUUID(), 1))
                .isInstanceOf(NotFoundException.class);
        assertThat(relationships().get(TENANT, kept.id())).contains(kept);
    }

    @Test
    void involving_finds_the_customer_on_either_end_in_id_order_up_to_the_limit() {
        List<RelationshipRecord> janas = IntStream.range(0, 3)
                .mapToObj(i -> relationships().insert(relationship(TENANT, jana, UUID.randomUUID(), "buyer")))
                .collect(Collectors.toList());
        janas.add(relationships().insert(relationship(TENANT, piotr, jana, "contractor")));
        relationships().insert(relationship(TENANT, piotr, acme, "buyer"));
        List<RelationshipRecord> byId = janas.stream()
                .sorted(Comparator.comparing(RelationshipRecord::id, Ids.ORDER)).toList();

        assertThat(relationships().involving(TENANT, jana, 10)).containsExactlyElementsOf(byId);
        assertThat(relationships().involving(TENANT, jana, 2)).containsExactlyElementsOf(byId.subList(0, 2));
        assertThat(relationships().involving(TENANT, UUID.randomUUID(), 10)).isEmpty();
    }

    @Test
    void move_all_moves_both_ends_raising_versions_and_setting_updated_at() {
        RelationshipRecord asPerson = relationships().insert(relationship(TENANT, jana, acme, "buyer"));
        RelationshipRecord asOrganization = relationships().insert(relationship(TENANT, piotr, jana, "employee"));
        RelationshipRecord untouched = relationships().insert(relationship(TENANT, piotr, globex, "buyer"));
        UUID survivor = UUID.randomUUID();
        Instant mergedAt = NOW.plusSeconds(300);

        int moved = relationships().moveAll(TENANT, jana, survivor, mergedAt);

        assertThat(moved).isEqualTo(2);
        assertThat(relationships().involving(TENANT, jana, 10)).isEmpty();
        assertThat(relationships().involving(TENANT, survivor, 10)).containsExactlyInAnyOrder(
                moved(asPerson, survivor, acme, mergedAt), moved(asOrganization, piotr, survivor, mergedAt));
        assertThat(relationships().get(TENANT, untouched.id())).contains(untouched);
    }

    @Test
    void move_all_deletes_what_would_duplicate_a_survivors_relationship_or_link_it_to_itself() {
        UUID survivor = UUID.randomUUID();
        RelationshipRecord survivorsOwn = relationships().insert(relationship(TENANT, survivor, acme, "buyer"));
        RelationshipRecord duplicate = relationships().insert(relationship(TENANT, jana, acme, "buyer"));
        RelationshipRecord selfLink = relationships().insert(relationship(TENANT, jana, survivor, "employee"));
        RelationshipRecord otherRole = relationships().insert(relationship(TENANT, jana, acme, "decision maker"));
        Instant mergedAt = NOW.plusSeconds(300);

        int affected = relationships().moveAll(TENANT, jana, survivor, mergedAt);

        assertThat(affected).isEqualTo(3);
        assertThat(relationships().get(TENANT, duplicate.id())).isEmpty();
        assertThat(relationships().get(TENANT, selfLink.id())).isEmpty();
        assertThat(relationships().involving(TENANT, jana, 10)).isEmpty();
        assertThat(relationships().involving(TENANT, survivor, 10)).containsExactlyInAnyOrder(survivorsOwn,
                moved(otherRole, survivor, acme, mergedAt));
    }

    @Test
    void move_all_of_a_customer_without_relationships_affects_nothing() {
        RelationshipRecord kept = relationships().insert(relationship(TENANT, piotr, acme, "buyer"));

        assertThat(relationships().moveAll(TENANT, jana, piotr, NOW)).isZero();
        assertThat(relationships().involving(TENANT, piotr, 10)).containsExactly(kept);
    }

    @Test
    void involving_accepts_limits_from_1_to_1000_only() {
        RelationshipRecord buyer = relationships().insert(relationship(TENANT, jana, acme, "buyer"));

        assertThat(relationships().involving(TENANT, jana, 1000)).containsExactly(buyer);
        for (int limit : new int[] {0, 1001}) {
            assertThatThrownBy(() -> relationships().involving(TENANT, jana, limit))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        }
    }

    @Test
    void move_all_matches_the_documented_model_for_generated_relationships() {
        qt().withExamples(30).withShrinkCycles(50)
                .forAll(lists().of(range(0, 5 * 5 * 2 - 1)).ofSizeBetween(0, 12))
                .checkAssert(codes -> {
                    String tenant = CustomerFixtures.freshTenant();
                    // Customer 0 is merged into customer 1; 2 to 4 are bystanders.
                    List<UUID> party = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
                    UUID from = party.get(0);
                    UUID to = party.get(1);
                    Map<String, RelationshipRecord> stored = new HashMap<>();
                    for (int code : codes) {
                        UUID person = party.get(code % 5);
                        UUID organization = party.get(code / 5 % 5);
                        String role = code / 25 == 0 ? "buyer" : "employee";
                        String natural = person + "|" + organization + "|" + role;
                        if (!person.equals(organization) && !stored.containsKey(natural)) {
                            stored.put(natural,
                                    relationships().insert(relationship(tenant, person, organization, role)));
                        }
                    }
                    Instant mergedAt = NOW.plusSeconds(600);

                    int affected = relationships().moveAll(tenant, from, to, mergedAt);

                    Set<RelationshipRecord> expected = new HashSet<>();
                    int involved = 0;
                    for (RelationshipRecord r : stored.values()) {
                        if (!r.personId().equals(from) && !r.organizationId().equals(from)) {
                            expected.add(r);
                            continue;
                        }
                        involved++;
                        UUID person = r.personId().equals(from) ? to : r.personId();
                        UUID organization = r.organizationId().equals(from) ? to : r.organizationId();
                        boolean duplicate = stored.containsKey(person + "|" + organization + "|" + r.role());
                        if (!person.equals(organization) && !duplicate) {
                            expected.add(moved(r, person, organization, mergedAt));
                        }
                    }
                    Set<RelationshipRecord> actual = new HashSet<>();
                    party.forEach(id -> actual.addAll(relationships().involving(tenant, id, 1000)));
                    assertThat(affected).isEqualTo(involved);
                    assertThat(actual).isEqualTo(expected);
                });
    }
}
