package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.crmkit.core.common.Actor;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PostalAddress;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Garbage thrown at every public method of {@link CustomerService} is rejected with a {@link CrmException}
 * subtype, never a NullPointerException or another runtime error, and a rejected call leaves storage as it was.
 */
class BadInputPropertyTest {
    private final CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN).withCustomFields();
    private final CustomerService customers = world.customers();
    private final UUID anna;
    private final UUID supplier;
    private final UUID annasEmail;

    BadInputPropertyTest() {
        anna = customers.register(CustomerFixtures.webShopPerson()
                .withCustomField("lifetime_value", CustomerFixtures.number("10"))).customer().id();
        supplier = customers.register(CustomerFixtures.supplierCompany()
                .withCustomField("lifetime_value", CustomerFixtures.number("10"))).customer().id();
        annasEmail = customers.get(anna).contactPoints().get(0).id();
    }

    /** The garbage one call is made with. */
    record Garbage(String text, String other, UUID id, UUID otherId) {
    }

    private static final String HUGE = "x".repeat(100_000);

    private static Gen<String> nastyStrings() {
        Gen<String> nasty = Generate.pick(Arrays.asList(null, "", " ", "\t\n", HUGE, "\uD800", "a\uDC00b",
                "a\u0000b", "@", "anna@", "@example.com", "anna@@example.com", "anna@example", "+", "12", "+49",
                "+49 30 123", "0049abc", "999999999999999999999", "Shoe_Size", "unknown_key", "lifetime_value",
                "loyalty_number", "ZZ", "de", "XX", "Ω", "\uD83D\uDE00", "' OR 1=1 --"));
        return nasty.mix(strings().allPossible().ofLengthBetween(0, 40), 30);
    }

    private Gen<UUID> ids() {
        return Generate.pick(Arrays.asList(null, UUID.randomUUID(), new UUID(0, 0), anna, supplier, annasEmail));
    }

    private Gen<Garbage> garbage() {
        return nastyStrings().zip(nastyStrings(), ids(), ids(), Garbage::new);
    }

    private List<Consumer<Garbage>> calls() {
        List<Consumer<Garbage>> calls = new ArrayList<>();
        calls.add(g -> customers.register(new RegisterPerson(g.text(), g.other(), g.text(), g.other(),
                null, null, null, g.otherId(), null, g.text())));
        calls.add(g -> customers.register(new RegisterOrganization(g.text(), g.other(), null, null, null, null,
                null, null)));
        calls.add(g -> customers.register(RegisterPerson.named("Eve", "Garbage").withEmail(g.text())));
        calls.add(g -> customers.register(RegisterPerson.named("Eve", "Garbage").withPhone(g.text())));
        calls.add(g -> customers.register(RegisterPerson.named("Eve", "Garbage").withTag(g.text())));
        calls.add(g -> customers.register(RegisterPerson.named("Eve", "Garbage")
                .withCustomField(g.text(), new CustomFieldValue.Text("v"))));
        calls.add(g -> {
            Map<String, CustomFieldValue> fields = new HashMap<>();
            fields.put(g.text(), null);
            customers.register(new RegisterPerson("Eve", null, null, null, null, null, fields, null, null, null));
        });
        calls.add(g -> customers.register(RegisterPerson.named("Eve", "Garbage").withContactPoint(
                NewContactPoint.postal(new PostalAddress(g.text(), g.other(), null, g.other(), g.text())))));
        calls.add(g -> customers.register(null));
        calls.add(g -> customers.updateDetails(new UpdateDetails(g.id(), g.text(), g.other(), null, g.text(), g.other())));
        calls.add(g -> customers.updateDetails(null));
        calls.add(g -> customers.changeStage(g.id(), g.text() == null ? null : LifecycleStage.FORMER_CUSTOMER));
        calls.add(g -> customers.assignOwner(g.id(), g.otherId()));
        calls.add(g -> customers.tag(g.id(), g.text()));
        calls.add(g -> customers.untag(g.id(), g.text()));
        calls.add(g -> customers.addContactPoint(g.id(), NewContactPoint.email(g.text())));
        calls.add(g -> customers.addContactPoint(g.id(), NewContactPoint.phone(g.text())));
        calls.add(g -> customers.addContactPoint(g.id(), null));
        calls.add(g -> customers.addContactPoint(g.id(), new NewContactPoint(null, g.text(), g.other(), null)));
        calls.add(g -> customers.removeContactPoint(g.id(), g.otherId()));
        calls.add(g -> customers.setPrimaryContactPoint(g.id(), g.otherId()));
        calls.add(g -> customers.setCustomField(g.id(), g.text(), new CustomFieldValue.Text(g.other())));
        calls.add(g -> customers.setCustomField(g.id(), g.text(), null));
        calls.add(g -> customers.clearCustomField(g.id(), g.text()));
        calls.add(g -> customers.get(g.id()));
        calls.add(g -> customers.find(g.text() == null ? null : new CustomerCriterion.HasTag(g.text()),
                PageRequest.first(10)));
        calls.add(g -> customers.find(CustomerCriterion.all(), new PageRequest(10, new Cursor(g.text()))));
        calls.add(g -> customers.link(g.id(), g.otherId(), g.text()));
        calls.add(g -> customers.unlink(g.id()));
        calls.add(g -> customers.relationships(g.id()));
        calls.add(g -> customers.merge(g.id(), g.otherId(), g.text() == null ? null : Actor.user(g.text())));
        calls.add(g -> customers.importCustomers(g.text() == null ? null : Arrays.asList(
                (RegisterCustomer) null).iterator(), ImportProgress.NONE));
        calls.add(g -> customers.importCustomers(List.of(RegisterPerson.named("Eve", "Import").withEmail(g.text()))
                .iterator(), g.other() == null ? null : ImportProgress.NONE));
        return calls;
    }

    /** Everything a call could change: the live customers, their contact points and the outbox. */
    record Snapshot(List<CustomerRecord> customers, List<ContactPointRecord> contactPoints, long outbox) {
    }

    private Snapshot snapshot() {
        List<CustomerRecord> all = world.storage().customers()
                .find("acme", CustomerCriterion.all(), PageRequest.first(1000)).items();
        List<ContactPointRecord> points = new ArrayList<>(world.storage().contactPoints()
                .forCustomers("acme", all.stream().map(CustomerRecord::id).toList()));
        points.sort((a, b) -> dev.crmkit.spi.Ids.ORDER.compare(a.id(), b.id()));
        return new Snapshot(all, points, world.storage().outbox().countUndelivered());
    }

    @Test
    void garbage_yields_only_crm_exceptions_and_leaves_storage_unchanged() {
        List<Consumer<Garbage>> calls = calls();
        qt().withExamples(1500).forAll(integers().between(0, calls.size() - 1), garbage()).checkAssert((index, g) -> {
            Snapshot before = snapshot();
            try {
                calls.get(index).accept(g);
            } catch (CrmException rejected) {
                assertThat(snapshot()).as("storage after rejected call %d", index).isEqualTo(before);
                assertThat(rejected.getMessage()).doesNotContain(HUGE.substring(0, 50));
            }
        });
    }
}
