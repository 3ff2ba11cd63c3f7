package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.model.customer.CustomerCriterion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CustomerImportTest {
    private final CustomerFixtures.World world = CustomerFixtures.world();
    private final CustomerService customers = world.customers();

    private static RegisterPerson row(int i) {
        return RegisterPerson.named("Kim", "Import" + i).withEmail("kim" + i + "@example.com").withExternalRef("ERP-" + i);
    }

    @Test
    void good_rows_are_stored_in_batches_and_progress_is_reported_per_batch() {
        // given: batches of 3 (the fixture's setting), 7 rows
        List<ImportReport> progress = new ArrayList<>();

        // when
        ImportReport report = customers.importCustomers(IntStream.range(0, 7).mapToObj(CustomerImportTest::row),
                progress::add);

        // then
        assertThat(report.rowsRead()).isEqualTo(7);
        assertThat(report.imported()).isEqualTo(7);
        assertThat(report.errors()).isEmpty();
        assertThat(progress).extracting(ImportReport::imported).containsExactly(3L, 6L, 7L);
        assertThat(world.storage().customers().count("acme", CustomerCriterion.all())).isEqualTo(7);
        assertThat(world.drainOutbox()).filteredOn(e -> e.type().equals("customer.registered")).hasSize(7);
    }

    @Test
    void bad_rows_are_reported_with_row_field_and_reason_while_good_rows_are_stored() {
        // given
        List<RegisterCustomer> rows = new ArrayList<>();
        rows.add(row(1));
        rows.add(RegisterPerson.named("Bad", "Phone").withPhone("not a number"));
        rows.add(null);
        rows.add(row(4));
        rows.add(RegisterOrganization.named("Shop Ltd").withCustomField("unknown_field", CustomerFixtures.number("1")));

        // when
        ImportReport report = customers.importCustomers(rows.iterator(), ImportProgress.NONE);

        // then
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.errors()).containsExactly(
                new ImportError(2, "contactPoints[0].value",
                        "must be a valid phone number: digits, spaces and + ( ) - . / only, no extension"),
                new ImportError(3, "row", "is required"),
                new ImportError(5, "customFields.unknown_field", "is not defined for this tenant"));
    }

    @Test
    void duplicates_within_the_input_and_against_storage_are_skipped() {
        // given: ERP-1 and lou@ are stored already
        customers.register(row(1));
        customers.register(RegisterPerson.named("Lou", "Stored").withEmail("lou@example.com"));
        List<RegisterCustomer> rows = List.of(
                row(1),                                                                      // same externalRef as stored
                RegisterPerson.named("Kim", "Other").withEmail("KIM2@example.com"),          // new
                RegisterPerson.named("Kim", "Again").withEmail("kim2@example.com"),          // same e-mail as row 2
                RegisterPerson.named("Lou", "Again").withEmail("LOU@example.com"));           // same e-mail as stored

        // when
        ImportReport report = customers.importCustomers(rows.stream(), ImportProgress.NONE);

        // then
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.duplicates()).isEqualTo(3);
        assertThat(report.errors()).containsExactly(
                new ImportError(1, "externalRef", "duplicates a stored customer"),
                new ImportError(3, "contactPoints[0].value", "duplicates row 2"),
                new ImportError(4, "contactPoints[0].value", "duplicates a stored customer"));
    }

    @Test
    void a_phone_a_stored_customer_holds_is_a_duplicate_whatever_the_name_and_its_field_is_named() {
        // given: a stored customer with a phone; the row's e-mail is new, its second contact point that phone
        customers.register(RegisterPerson.named("Ada", "Stored").withPhone("+49 30 1234567"));
        List<RegisterCustomer> rows = List.of(
                RegisterPerson.named("Bo", "Other").withEmail("bo@example.com").withPhone("+49301234567"),
                RegisterPerson.named("Cy", "New").withEmail("cy@example.com").withPhone("+49 30 7654321"));

        // when
        ImportReport report = customers.importCustomers(rows.stream(), ImportProgress.NONE);

        // then
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.errors()).containsExactly(
                new ImportError(1, "contactPoints[1].value", "duplicates a stored customer"));
    }

    @Test
    void importing_the_same_file_twice_stores_it_once() {
        customers.importCustomers(Stream.of(row(1), row(2)), ImportProgress.NONE);

        ImportReport again = customers.importCustomers(Stream.of(row(1), row(2)), ImportProgress.NONE);

        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(world.storage().customers().count("acme", CustomerCriterion.all())).isEqualTo(2);
    }
}
