package dev.crmkit.core.interchange;

import dev.crmkit.model.Checks;
import dev.crmkit.model.lead.LeadSource;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which header of a CSV file fills which lead field, and the source the imported leads are attributed to.
 * Headers match exactly (after trimming); columns the mapping does not name are kept in the raw submission only.
 *
 * <pre>{@code
 * LeadCsvMapping mapping = LeadCsvMapping.of(LeadSource.TRADE_SHOW)
 *         .map(LeadColumn.GIVEN_NAME, "First name").map(LeadColumn.FAMILY_NAME, "Last name")
 *         .map(LeadColumn.EMAIL, "E-Mail").map(LeadColumn.COMPANY, "Company");
 * }</pre>
 */
public record LeadCsvMapping(LeadSource source, Map<LeadColumn, String> columns) {
    /**
     * Copies the columns, with their headers trimmed.
     *
     * @throws dev.crmkit.model.ValidationException ({@code source}, {@code columns}) when either is null or a column is
     *     null; ({@code columns.<COLUMN>}) unless its header is 1 to 200 characters
     */
    public LeadCsvMapping {
        Checks.required("source", source);
        Checks.required("columns", columns);
        Map<LeadColumn, String> copy = new EnumMap<>(LeadColumn.class);
        columns.forEach((column, header) -> copy.put(Checks.required("columns", column),
                Checks.text("columns." + column, header, 200).strip()));
        columns = Map.copyOf(copy);
    }

    /** A mapping for leads from the source, with no columns yet. */
    public static LeadCsvMapping of(LeadSource source) {
        return new LeadCsvMapping(source, Map.of());
    }

    /** This mapping with {@code column} filled from the header {@code header}. */
    public LeadCsvMapping map(LeadColumn column, String header) {
        Map<LeadColumn, String> more = new EnumMap<>(LeadColumn.class);
        more.putAll(columns);
        more.put(Checks.required("column", column), header);
        return new LeadCsvMapping(source, more);
    }
}
