package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customfield.CustomFieldType;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customfield.CustomFieldDefinitionRecord;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The customer aggregate on its own, without storage: each rule of a customer's profile and lifecycle as a sentence,
 * with the record and the event a behaviour returns, and what changes nothing.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CustomerAggregateTest {
    private static final Instant THEN = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-03T10:00:00Z");
    private static final UUID ANNA = UUID.fromString("01890000-0000-7000-8000-000000000001");
    private static final UUID OTHER = UUID.fromString("01890000-0000-7000-8000-000000000002");
    private static final UUID ANA = UUID.fromString("01890000-0000-7000-8000-00000000a007");
    private static final UUID BO = UUID.fromString("01890000-0000-7000-8000-00000000b003");
    private static final CustomFieldRules RULES = new CustomFieldRules(List.of(
            new CustomFieldDefinitionRecord("acme", UUID.fromString("01890000-0000-7000-8000-0000000000f1"), 1, THEN,
                    THEN, "loyalty_number", "Loyalty number", CustomFieldType.TEXT, false),
            new CustomFieldDefinitionRecord("acme", UUID.fromString("01890000-0000-7000-8000-0000000000f2"), 1, THEN,
                    THEN, "lifetime_value", "Lifetime value", CustomFieldType.NUMBER, true)));

    private static CustomerRecord anna(LifecycleStage stage, UUID owner, String organization, Set<String> tags,
            Map<String, CustomFieldValue> fields) {
        return new CustomerRecord("acme", ANNA, 3, THEN, THEN, PartyKind.PERSON, "Anna Müller", "Anna", "Müller",
                organization, "mueller a", "WS-1001", stage, owner, tags, fields, null);
    }

    private static CustomerAggregate prospect() {
        return new CustomerAggregate(anna(LifecycleStage.PROSPECT, null, null, Set.of("webshop"), Map.of()));
    }

    @Test
    void the_lifecycle_goes_from_prospect_to_customer_to_former_customer_and_back_and_nowhere_else() {
        Map<LifecycleStage, Set<LifecycleStage>> legal = Map.of(
                LifecycleStage.PROSPECT, EnumSet.of(LifecycleStage.CUSTOMER),
                LifecycleStage.CUSTOMER, EnumSet.of(LifecycleStage.FORMER_CUSTOMER),
                LifecycleStage.FORMER_CUSTOMER, EnumSet.of(LifecycleStage.CUSTOMER));
        for (LifecycleStage from : LifecycleStage.values()) {
            CustomerAggregate customer = new CustomerAggregate(anna(from, null, null, Set.of(), Map.of()));
            for (LifecycleStage to : LifecycleStage.values()) {
                if (legal.get(from).contains(to)) {
                    CustomerChange change = customer.changeStage(to, NOW);
                    assertThat(change.after().lifecycleStage()).isEqualTo(to);
                    assertThat(change.after().updatedAt()).isEqualTo(NOW);
                    assertThat(change.events()).containsExactly(new CustomerEvent.CustomerStageChanged("acme", ANNA,
                            from, to, NOW));
                } else {
                    assertThatThrownBy(() -> customer.changeStage(to, NOW))
                            .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                                assertThat(e.from()).isEqualTo(from.name());
                                assertThat(e.to()).isEqualTo(to.name());
                            });
                }
            }
        }
    }

    @Test
    void new_details_name_the_fields_that_changed_in_order_and_derive_the_name_key_again() {
        CustomerChange change = prospect().updateDetails(new UpdateDetails(ANNA, "Anna Schmidt", null, "Schmidt",
                "", ""), NOW);

        CustomerRecord after = change.after();
        assertThat(after.displayName()).isEqualTo("Anna Schmidt");
        assertThat(after.givenName()).as("null keeps").isEqualTo("Anna");
        assertThat(after.familyName()).isEqualTo("Schmidt");
        assertThat(after.organizationName()).as("empty clears").isNull();
        assertThat(after.externalRef()).isNull();
        assertThat(after.nameKey()).isEqualTo(NameKeys.nameKey(PartyKind.PERSON, "Anna Schmidt", "Anna", "Schmidt",
                null));
        assertThat(change.events()).containsExactly(new CustomerEvent.CustomerUpdated("acme", ANNA,
                List.of("displayName", "familyName", "externalRef"), null, NOW));
    }

    @Test
    void details_equal_to_the_stored_ones_change_nothing() {
        CustomerAggregate anna = prospect();

        CustomerChange change = anna.updateDetails(new UpdateDetails(ANNA, "Anna Müller", "Anna", null, null,
                "WS-1001"), NOW);

        assertThat(change.changed()).isFalse();
        assertThat(change.after()).isSameAs(anna.record());
    }

    @Test
    void an_owner_tag_or_field_the_customer_has_already_changes_nothing() {
        CustomerAggregate anna = new CustomerAggregate(anna(LifecycleStage.PROSPECT, ANA, null,
                Set.of("webshop"), Map.of("loyalty_number", new CustomFieldValue.Text("L-1"))));

        assertThat(anna.assignOwner(ANA, NOW).changed()).isFalse();
        assertThat(anna.tag("webshop", NOW).changed()).isFalse();
        assertThat(anna.untag("vip", NOW).changed()).isFalse();
        assertThat(anna.setCustomField("loyalty_number", new CustomFieldValue.Text("L-1"), RULES, NOW).changed())
                .isFalse();
        assertThat(prospect().clearCustomField("loyalty_number", RULES, NOW).changed()).isFalse();
    }

    @Test
    void a_new_owner_tag_or_field_is_stored_and_announced() {
        CustomerAggregate anna = new CustomerAggregate(anna(LifecycleStage.PROSPECT, ANA, null,
                Set.of("webshop"), Map.of("loyalty_number", new CustomFieldValue.Text("L-1"))));

        assertThat(anna.assignOwner(BO, NOW).events()).containsExactly(
                new CustomerEvent.CustomerOwnerAssigned("acme", ANNA, ANA, BO, NOW));
        assertThat(anna.assignOwner(null, NOW).after().ownerId()).isNull();
        assertThat(anna.tag("vip", NOW).after().tags()).containsExactly("vip", "webshop");
        assertThat(anna.tag("vip", NOW).events()).containsExactly(new CustomerEvent.CustomerTagged("acme", ANNA,
                "vip", NOW));
        assertThat(anna.untag("webshop", NOW).after().tags()).isEmpty();
        assertThat(anna.untag("webshop", NOW).events()).containsExactly(new CustomerEvent.CustomerUntagged("acme",
                ANNA, "webshop", NOW));
        CustomerChange set = anna.setCustomField("loyalty_number", new CustomFieldValue.Text("L-2"), RULES, NOW);
        assertThat(set.after().customFields()).containsEntry("loyalty_number", new CustomFieldValue.Text("L-2"));
        assertThat(set.events()).containsExactly(new CustomerEvent.CustomFieldValueSet("acme", ANNA,
                "loyalty_number", NOW));
        CustomerChange cleared = anna.clearCustomField("loyalty_number", RULES, NOW);
        assertThat(cleared.after().customFields()).isEmpty();
        assertThat(cleared.events()).containsExactly(new CustomerEvent.CustomFieldValueCleared("acme", ANNA,
                "loyalty_number", NOW));
    }

    @Test
    void a_field_takes_only_what_its_definition_allows_and_a_required_one_is_never_cleared() {
        CustomerAggregate anna = prospect();

        assertThatThrownBy(() -> anna.setCustomField("loyalty_number", new CustomFieldValue.Number(
                java.math.BigDecimal.ONE), RULES, NOW)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("customFields.loyalty_number"));
        assertThatThrownBy(() -> anna.setCustomField("shoe_size", new CustomFieldValue.Text("42"), RULES, NOW))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("customFields.shoe_size"));
        assertThatThrownBy(() -> anna.clearCustomField("lifetime_value", RULES, NOW))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("customFields.lifetime_value"));
    }

    @Test
    void the_survivor_of_a_merge_keeps_its_own_and_gains_what_it_lacks() {
        CustomerAggregate survivor = new CustomerAggregate(anna(LifecycleStage.CUSTOMER, null, null,
                Set.of("webshop"), Map.of("loyalty_number", new CustomFieldValue.Text("L-1"))));
        CustomerRecord merged = new CustomerRecord("acme", OTHER, 1, THEN, THEN, PartyKind.PERSON, "A. Mueller",
                null, "Mueller", "Mueller GmbH", "mueller a", null, LifecycleStage.PROSPECT, BO, Set.of("hotline"),
                Map.of("loyalty_number", new CustomFieldValue.Text("L-9"), "lifetime_value",
                        new CustomFieldValue.Number(java.math.BigDecimal.TEN)), null);

        CustomerRecord after = survivor.absorb(merged, NOW);

        assertThat(after.id()).isEqualTo(ANNA);
        assertThat(after.displayName()).isEqualTo("Anna Müller");
        assertThat(after.lifecycleStage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(after.tags()).containsExactly("hotline", "webshop");
        assertThat(after.customFields()).containsEntry("loyalty_number", new CustomFieldValue.Text("L-1"))
                .containsEntry("lifetime_value", new CustomFieldValue.Number(java.math.BigDecimal.TEN));
        assertThat(after.ownerId()).as("it had none").isEqualTo(BO);
        assertThat(after.organizationName()).as("it had none").isEqualTo("Mueller GmbH");
        assertThat(after.updatedAt()).isEqualTo(NOW);
        CustomerRecord owned = new CustomerAggregate(anna(LifecycleStage.CUSTOMER, ANA, "Müller AG", Set.of(),
                Map.of())).absorb(merged, NOW);
        assertThat(owned.ownerId()).as("its own").isEqualTo(ANA);
        assertThat(owned.organizationName()).as("its own").isEqualTo("Müller AG");
        assertThatThrownBy(() -> survivor.absorb(survivor.record(), NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("mergedId"));
        CustomerRecord gone = new CustomerAggregate(merged).mergedInto(ANNA, NOW);
        assertThat(gone.mergedInto()).isEqualTo(ANNA);
        assertThat(gone.tags()).isEqualTo(merged.tags());
    }

    @Test
    void the_first_contact_point_of_a_kind_is_primary_a_value_is_never_there_twice_and_a_primary_has_a_successor() {
        ContactPointRecord mail = point(1, ContactPointKind.EMAIL, "anna@example.com", true);
        ContactPointRecord work = point(2, ContactPointKind.EMAIL, "anna@work.example", false);
        ContactPointRecord phone = point(3, ContactPointKind.PHONE, "+49301234567", true);

        assertThat(CustomerAggregate.isFirstOfKind(List.of(mail, work), ContactPointKind.PHONE)).isTrue();
        assertThat(CustomerAggregate.isFirstOfKind(List.of(mail, phone), ContactPointKind.EMAIL)).isFalse();
        CustomerAggregate.checkNewValue(List.of(mail, phone), ContactPointKind.PHONE, "+49307654321");
        CustomerAggregate.checkNewValue(List.of(mail), ContactPointKind.PHONE, "anna@example.com");
        assertThatThrownBy(() -> CustomerAggregate.checkNewValue(List.of(mail, phone), ContactPointKind.EMAIL,
                "anna@example.com")).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("contactPoint.value"));
        assertThat(CustomerAggregate.successorOf(mail, List.of(mail, phone, work))).contains(work);
        assertThat(CustomerAggregate.successorOf(mail, List.of(phone))).isEmpty();
        assertThat(CustomerAggregate.successorOf(work, List.of(mail, phone))).as("not a primary").isEmpty();
    }

    private static ContactPointRecord point(int n, ContactPointKind kind, String value, boolean primary) {
        return new ContactPointRecord("acme", UUID.fromString("01890000-0000-7000-8000-00000000010" + n), 1, THEN, THEN,
                ANNA, kind, null, value, null, primary);
    }
}
