package dev.crmkit.core.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.customer.ImportError;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadService;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadFilter;
import dev.crmkit.model.lead.LeadSource;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LeadCsvImportTest {
    private static final String FILE = """
            Id,First name,Last name,E-Mail,Company,Employees,Country,Booth note
            1,Grace,Hopper,grace@hopper-systems.example,Hopper Systems,120,DE,wants a demo
            2,Tom,Baker,not-an-address,Baker & Sons,12,GB,
            3,Ada,Lovelace,ada@analytical.example,"Analytical Engines, Ltd",1.200,GB,"said ""call me""\"
            4,Grace,Hopper,GRACE@hopper-systems.example,,,DE,came back on day two
            """;

    private final LeadService leads = Crm.builder().storage(new InMemoryStorage()).defaultPhoneRegion("DE")
            .build().tenant("acme").service(LeadService.class);
    private final LeadCsvMapping mapping = LeadCsvMapping.of(LeadSource.TRADE_SHOW)
            .map(LeadColumn.EXTERNAL_ID, "Id").map(LeadColumn.GIVEN_NAME, "First name")
            .map(LeadColumn.FAMILY_NAME, "Last name").map(LeadColumn.EMAIL, "E-Mail")
            .map(LeadColumn.COMPANY, "Company").map(LeadColumn.EMPLOYEES, "Employees")
            .map(LeadColumn.COUNTRY, "Country");

    private List<Lead> stored() {
        return leads.find(LeadFilter.all(), PageRequest.first(100)).items();
    }

    @Test
    void good_rows_are_captured_bad_ones_reported_with_row_and_field_and_duplicates_merged() {
        List<LeadImportReport> progress = new ArrayList<>();

        LeadImportReport report = LeadCsvImport.of(leads, mapping).run(new StringReader(FILE), progress::add);

        assertThat(report.rowsRead()).isEqualTo(4);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.merged()).as("row 4 has row 1's e-mail").isEqualTo(1);
        assertThat(report.errors()).containsExactly(new ImportError(2, "email", "must be a valid e-mail address"));
        assertThat(progress).last().isEqualTo(report);
        assertThat(stored()).hasSize(2).allSatisfy(l -> assertThat(l.attribution().source())
                .isEqualTo(LeadSource.TRADE_SHOW));
        Lead ada = stored().stream().filter(l -> "Lovelace".equals(l.details().familyName())).findFirst().orElseThrow();
        assertThat(ada.details().companyName()).isEqualTo("Analytical Engines, Ltd");
        assertThat(ada.details().employees()).isEqualTo(1200);
        assertThat(ada.attribution().rawSubmission()).contains("\"Booth note\":\"said \\\"call me\\\"\"");
    }

    @Test
    void a_long_file_is_captured_in_batches_with_progress_after_each_and_errors_in_row_order() {
        StringBuilder file = new StringBuilder("Id,First name,Last name,E-Mail,Company,Employees,Country\n");
        int rows = LeadCsvImport.BATCH_SIZE * 2 + 7;
        for (int i = 1; i <= rows; i++) {
            String email = i == 600 ? "broken" : "person" + i + "@example.com";
            String employees = i == 3 ? "many" : "10";
            file.append(i).append(",Given").append(i).append(",Family").append(i).append(',').append(email)
                    .append(",Company ").append(i).append(',').append(employees).append(",DE\n");
        }
        file.append("9999,Again,Person,PERSON1@example.com,,,DE\n");
        List<LeadImportReport> progress = new ArrayList<>();

        LeadImportReport report = LeadCsvImport.of(leads, mapping).run(new StringReader(file.toString()),
                progress::add);

        assertThat(report.rowsRead()).isEqualTo(rows + 1);
        assertThat(report.errors()).containsExactly(new ImportError(3, "employees", "must be a whole number"),
                new ImportError(600, "email", "must be a valid e-mail address"));
        assertThat(report.merged()).as("the last row has row 1's e-mail, one batch later").isEqualTo(1);
        assertThat(report.created()).isEqualTo(rows - 2);
        assertThat(progress).extracting(LeadImportReport::rowsRead)
                .containsExactly((long) LeadCsvImport.BATCH_SIZE + 1, 2L * LeadCsvImport.BATCH_SIZE + 1, rows + 1L);
        var firstPage = leads.find(LeadFilter.all(), PageRequest.first(1000));
        assertThat(leads.find(LeadFilter.all(), PageRequest.first(1000).next(firstPage.next().orElseThrow())).items())
                .as("stored beyond the first thousand").hasSize(rows - 2 - 1000);
    }

    @Test
    void importing_the_same_file_again_creates_and_merges_nothing_twice() {
        LeadCsvImport.of(leads, mapping).run(new StringReader(FILE), r -> { });
        List<Lead> before = stored();

        LeadImportReport again = LeadCsvImport.of(leads, mapping).run(new StringReader(FILE), r -> { });

        assertThat(again.created()).isZero();
        assertThat(again.merged()).as("row 4 was merged the first time: replayed now").isZero();
        assertThat(again.replayed()).isEqualTo(3);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_mapped_header_missing_from_the_file_is_refused_before_any_row() {
        LeadCsvMapping wrong = mapping.map(LeadColumn.PHONE, "Telefon");

        assertThatThrownBy(() -> LeadCsvImport.of(leads, wrong).run(new StringReader(FILE), r -> { }))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("mapping.PHONE"));
        assertThat(stored()).isEmpty();
    }
}
