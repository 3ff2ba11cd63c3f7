package dev.crmkit.core.interchange;

import dev.crmkit.core.customer.ImportError;
import dev.crmkit.core.lead.CaptureLead;
import dev.crmkit.core.lead.CaptureOutcome;
import dev.crmkit.core.lead.LeadService;
import dev.crmkit.model.Checks;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.ValidationException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Imports leads from a CSV file with a header row (Jackson's CSV module), streaming: one batch of
 * {@link #BATCH_SIZE} rows in memory at a time, each batch captured in one transaction through
 * {@link LeadService#captureAll}, so rows are de-duplicated, scored and distributed like any other lead (also
 * against earlier rows of the file). A row that fails validation is reported with its row number and field and the
 * import goes on; the good rows stay stored: a batch holding a bad row is captured row by row instead, each row in
 * a transaction of its own. Each row's raw submission is the row as JSON, header to value.
 *
 * <pre>{@code
 * LeadImportReport report = LeadCsvImport.of(crm.tenant("acme").service(LeadService.class), mapping)
 *         .run(reader, soFar -> log.info("{} rows", soFar.rowsRead()));
 * }</pre>
 */
public final class LeadCsvImport {
    /** The most row errors a report keeps; further ones are counted in rowsRead only. */
    public static final int MAX_ERRORS = 1000;
    /** How many rows are captured together; progress is reported after each batch. */
    public static final int BATCH_SIZE = 500;

    private static final CsvMapper CSV = CsvMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LeadService leads;
    private final LeadCsvMapping mapping;

    private LeadCsvImport(LeadService leads, LeadCsvMapping mapping) {
        this.leads = leads;
        this.mapping = mapping;
    }

    /** An import into these leads with this mapping. */
    public static LeadCsvImport of(LeadService leads, LeadCsvMapping mapping) {
        return new LeadCsvImport(Checks.required("leads", leads), Checks.required("mapping", mapping));
    }

    /**
     * Reads the file to its end and captures every row. Progress gets the report after every batch of
     * {@link #BATCH_SIZE} rows and at the end.
     *
     * @throws ValidationException ({@code mapping.<COLUMN>}) when a mapped header is not in the file, before any
     *     row is read; ({@code csv}) when the file has no header row
     */
    public LeadImportReport run(Reader csv, Consumer<LeadImportReport> progress) {
        Checks.required("csv", csv);
        Checks.required("progress", progress);
        Tally tally = new Tally();
        List<Row> batch = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            boolean checked = false;
            while (true) {
                Map<String, String> row;
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    row = trimmedKeys(rows.nextValue());
                } catch (JacksonException e) {
                    tally.read++;
                    tally.error(new ImportError(tally.read, "csv", "is not well-formed CSV; the import stopped here"));
                    break;
                }
                if (!checked) {
                    checkHeaders(row);
                    checked = true;
                }
                tally.read++;
                try {
                    batch.add(new Row(tally.read, command(row)));
                } catch (ValidationException e) {
                    tally.error(new ImportError(tally.read, e.field(), e.reason()));
                }
                if (batch.size() == BATCH_SIZE) {
                    capture(batch, tally);
                    batch.clear();
                    progress.accept(tally.report());
                }
            }
            capture(batch, tally);
        } catch (JacksonException e) {
            throw new ValidationException("csv", "must start with a header row");
        }
        LeadImportReport report = tally.report();
        progress.accept(report);
        return report;
    }

    /** A mapped row with its number (1 = the first row after the header). */
    private record Row(long number, CaptureLead command) {
    }

    /** Captures the batch as one; if any row of it is refused, row by row, so each refusal names its row. */
    private void capture(List<Row> batch, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            leads.captureAll(batch.stream().map(Row::command).toList()).forEach(r -> tally.count(r.outcome()));
            return;
        } catch (CrmException refused) {
            // a bad row, or a race with another capture: nothing of the batch was stored; go row by row
        }
        for (Row row : batch) {
            try {
                tally.count(leads.capture(row.command()).outcome());
            } catch (ValidationException e) {
                tally.error(new ImportError(row.number(), e.field(), e.reason()));
            } catch (CrmException e) {
                tally.error(new ImportError(row.number(), "row", "could not be stored: "
                        + e.getClass().getSimpleName()));
            }
        }
    }

    private CaptureLead command(Map<String, String> row) {
        Integer employees = null;
        String size = value(row, LeadColumn.EMPLOYEES);
        if (size != null) {
            try {
                employees = Integer.valueOf(size.replace(".", "").replace(",", ""));
            } catch (NumberFormatException e) {
                throw new ValidationException("employees", "must be a whole number");
            }
        }
        String external = value(row, LeadColumn.EXTERNAL_ID);
        return CaptureLead.from(mapping.source())
                .withPerson(value(row, LeadColumn.GIVEN_NAME), value(row, LeadColumn.FAMILY_NAME))
                .withCompany(value(row, LeadColumn.COMPANY), value(row, LeadColumn.INDUSTRY), employees)
                .withJobTitle(value(row, LeadColumn.JOB_TITLE))
                .withEmail(value(row, LeadColumn.EMAIL)).withPhone(value(row, LeadColumn.PHONE))
                .withLocation(value(row, LeadColumn.COUNTRY), value(row, LeadColumn.POSTCODE),
                        value(row, LeadColumn.CITY))
                .withCampaign(value(row, LeadColumn.CAMPAIGN), value(row, LeadColumn.TRACKING_CODE))
                .withRawSubmission(raw(row))
                .withIdempotencyKey(external == null ? null : "csv:" + external);
    }

    private static String raw(Map<String, String> row) {
        String json = JSON.writeValueAsString(row);
        if (json.length() > dev.crmkit.model.lead.LeadAttribution.MAX_RAW) {
            throw new ValidationException("rawSubmission", "the row is longer than "
                    + dev.crmkit.model.lead.LeadAttribution.MAX_RAW + " characters");
        }
        return json;
    }

    private String value(Map<String, String> row, LeadColumn column) {
        String header = mapping.columns().get(column);
        String value = header == null ? null : row.get(header);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void checkHeaders(Map<String, String> firstRow) {
        mapping.columns().forEach((column, header) -> {
            if (!firstRow.containsKey(header)) {
                throw new ValidationException("mapping." + column, "names no column of the file");
            }
        });
    }

    private static Map<String, String> trimmedKeys(Map<String, String> row) {
        Map<String, String> trimmed = new LinkedHashMap<>();
        row.forEach((k, v) -> trimmed.put(k.strip(), v));
        return trimmed;
    }

    private static final class Tally {
        long read;
        long created;
        long merged;
        long replayed;
        final List<ImportError> errors = new ArrayList<>();

        void count(CaptureOutcome outcome) {
            switch (outcome) {
                case CREATED -> created++;
                case MERGED -> merged++;
                case REPLAYED -> replayed++;
            }
        }

        void error(ImportError error) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(error);
            }
        }

        LeadImportReport report() {
            List<ImportError> byRow = new ArrayList<>(errors);
            byRow.sort(java.util.Comparator.comparingLong(ImportError::row));
            return new LeadImportReport(read, created, merged, replayed, byRow);
        }
    }
}
